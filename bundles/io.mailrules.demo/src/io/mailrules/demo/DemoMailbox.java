package io.mailrules.demo;

/**
 * One mailbox of the demo server.
 *
 * @param name the name the sample rules file gives it
 * @param login the IMAP user name
 * @param address its mail address, the recipient of its generated mail
 */
public record DemoMailbox(String name, String login, String address) {
}
