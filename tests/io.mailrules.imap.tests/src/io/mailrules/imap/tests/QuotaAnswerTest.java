package io.mailrules.imap.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.eclipse.angus.mail.iap.ParsingException;
import org.junit.jupiter.api.Test;

import io.mailrules.imap.QuotaAnswer;
import io.mailrules.imap.QuotaUsage;

/** GETQUOTAROOT answers as servers send them (RFC 2087, RFC 9208). */
class QuotaAnswerTest {

    @Test
    void courierAnswersARootWithoutResourcesWhichMeansNoLimits() throws Exception {
        // Courier-IMAP 5.0.13, for a mailbox without a quota set.
        assertEquals(List.of(), QuotaAnswer.parse(List.of("* QUOTAROOT \"INBOX\" \"ROOT\"", "* QUOTA \"ROOT\"")));
        assertEquals(List.of(), QuotaAnswer.parse(List.of("* QUOTAROOT INBOX \"\"", "* QUOTA \"\" ()")));
    }

    @Test
    void dovecotAndCyrusAnswerEveryResourceWithUsageAndLimit() throws Exception {
        assertEquals(List.of(new QuotaUsage("User quota", "STORAGE", 10, 10240),
                new QuotaUsage("User quota", "MESSAGE", 3, 1000)), QuotaAnswer.parse(List.of(
                        "* QUOTAROOT INBOX \"User quota\"",
                        "* QUOTA \"User quota\" (STORAGE 10 10240 MESSAGE 3 1000)")));
        assertEquals(List.of(new QuotaUsage("user.ana", "STORAGE", 0, 512)),
                QuotaAnswer.parse(List.of("* QUOTA user.ana (STORAGE 0 512)")));
    }

    @Test
    void aResourceListThatIsNoneIsAProblemNamingTheLine() {
        ParsingException broken = assertThrows(ParsingException.class,
                () -> QuotaAnswer.parse(List.of("* QUOTA \"ROOT\" (STORAGE ten 512)")));
        assertEquals(true, broken.getMessage().contains("ROOT"), broken.getMessage());
    }
}
