package io.mailrules.imap;

import java.net.Socket;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides whether to trust the certificate an IMAP server presents: either the platform's authorities (with host
 * name checking done by the handshake) or exactly one pinned certificate. It remembers the fingerprint of the
 * certificate it saw, so that a refusal can tell the user which certificate to pin. One instance per connection
 * attempt.
 */
final class ServerCertificateTrust extends X509ExtendedTrustManager {

    private final Optional<String> pinnedSha256;
    private final X509ExtendedTrustManager platform;
    private volatile String presentedSha256;

    private ServerCertificateTrust(Optional<String> pinnedSha256, X509ExtendedTrustManager platform) {
        this.pinnedSha256 = pinnedSha256;
        this.platform = platform;
    }

    static ServerCertificateTrust pinned(String sha256) {
        return new ServerCertificateTrust(Optional.of(sha256), null);
    }

    static ServerCertificateTrust platformAuthorities() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            for (TrustManager manager : factory.getTrustManagers()) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    return new ServerCertificateTrust(Optional.empty(), x509);
                }
            }
            throw new IllegalStateException("the platform offers no X.509 trust manager");
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("the platform's trusted authorities cannot be loaded", e);
        }
    }

    boolean isPinned() {
        return pinnedSha256.isPresent();
    }

    /** The fingerprint of the last certificate the server presented, if the handshake got that far. */
    Optional<String> presentedSha256() {
        return Optional.ofNullable(presentedSha256);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        if (!checkPin(chain)) {
            platform.checkServerTrusted(chain, authType, socket);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        if (!checkPin(chain)) {
            platform.checkServerTrusted(chain, authType, engine);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (!checkPin(chain)) {
            platform.checkServerTrusted(chain, authType);
        }
    }

    /** @return true when the pin decided (and accepted), false when the platform has to decide */
    private boolean checkPin(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        presentedSha256 = CertificateFingerprint.sha256(chain[0]);
        if (pinnedSha256.isEmpty()) {
            return false;
        }
        if (!pinnedSha256.get().equals(presentedSha256)) {
            throw new CertificateException("its fingerprint is not the pinned " + pinnedSha256.get());
        }
        return true;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a mail client does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a mail client does not accept client connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a mail client does not accept client connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return platform == null ? new X509Certificate[0] : platform.getAcceptedIssuers();
    }
}
