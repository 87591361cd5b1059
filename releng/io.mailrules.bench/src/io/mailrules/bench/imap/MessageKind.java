package io.mailrules.bench.imap;

import java.util.SplittableRandom;

/**
 * The kinds of mail a sales inbox collects, with how often each arrives. Some kinds sit on purpose where two rules
 * overlap (a customer's out-of-office reply, a bounce recognised only by its report type), since that is where a
 * tool that orders its rules differently would show it.
 */
enum MessageKind {
    REPLY(28),
    PROSPECT(18),
    CUSTOMER(11),
    CUSTOMER_OUT_OF_OFFICE(1),
    NEWSLETTER(21),
    BOUNCE_MAILER_DAEMON(4),
    BOUNCE_POSTMASTER(2),
    BOUNCE_REPORT_ONLY(1),
    AUTO_REPLY(10),
    OUT_OF_OFFICE_SUBJECT_ONLY(4);

    private final int weight;

    MessageKind(int weight) {
        this.weight = weight;
    }

    static MessageKind pick(SplittableRandom random) {
        int total = 0;
        for (MessageKind kind : values()) {
            total += kind.weight;
        }
        int draw = random.nextInt(total);
        for (MessageKind kind : values()) {
            draw -= kind.weight;
            if (draw < 0) {
                return kind;
            }
        }
        throw new IllegalStateException("weights changed while drawing");
    }
}
