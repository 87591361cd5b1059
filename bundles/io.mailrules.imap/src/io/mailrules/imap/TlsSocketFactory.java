package io.mailrules.imap;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Creates the TLS sockets Angus Mail uses for IMAPS and STARTTLS. Host name checking is switched on in the handshake
 * itself (endpoint identification), rather than left to Angus, so that it applies to both modes alike and is off
 * only for a pinned certificate.
 */
final class TlsSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;
    private final boolean checkHostName;

    TlsSocketFactory(ServerCertificateTrust trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, null);
            this.delegate = context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the platform offers no TLS", e);
        }
        this.checkHostName = !trust.isPinned();
    }

    private Socket configure(Socket socket) {
        if (socket instanceof SSLSocket ssl && checkHostName) {
            SSLParameters parameters = ssl.getSSLParameters();
            // RFC 6125 rules as for HTTPS: DNS names (wildcards allowed) and IP addresses in subjectAltName.
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(parameters);
        }
        return socket;
    }

    @Override
    public Socket createSocket() throws IOException {
        return configure(delegate.createSocket());
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return configure(delegate.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
        return configure(delegate.createSocket(socket, consumed, autoClose));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return configure(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return configure(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }
}
