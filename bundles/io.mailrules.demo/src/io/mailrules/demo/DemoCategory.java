package io.mailrules.demo;

/** What kind of sales mail a generated message is; the sample rules route each kind to its own place. */
public enum DemoCategory {
    /** A customer answering a sales mail with interest (subject "Re: ... demo/pricing"). */
    INTERESTED_REPLY,
    /** A customer asking to be taken off the list (subject "Re: ... unsubscribe"). */
    UNSUBSCRIBE_REPLY,
    /** A delivery failure report from a mailer daemon. */
    BOUNCE,
    /** An out-of-office answer (Auto-Submitted header). */
    AUTO_REPLY,
    /** Bulk mail with a List-Unsubscribe header. */
    NEWSLETTER,
    /** Colleagues and everything else: stays where it is unless it is old. */
    OTHER
}
