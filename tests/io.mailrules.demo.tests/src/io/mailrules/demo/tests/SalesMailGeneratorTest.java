package io.mailrules.demo.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mailrules.demo.DemoCategory;
import io.mailrules.demo.DemoMessage;
import io.mailrules.demo.SalesMailGenerator;

class SalesMailGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void sameSeedAndDayGiveTheSameMailbox() {
        List<DemoMessage> first = new SalesMailGenerator(7, TODAY).generate("ana@mailrules.demo", 0, 200);
        List<DemoMessage> second = new SalesMailGenerator(7, TODAY).generate("ana@mailrules.demo", 0, 200);
        assertEquals(first, second);
    }

    @Test
    void mailboxesOfOneServerDiffer() {
        List<DemoMessage> ana = new SalesMailGenerator(7, TODAY).generate("ana@mailrules.demo", 0, 50);
        List<DemoMessage> ben = new SalesMailGenerator(7, TODAY).generate("ben@mailrules.demo", 1, 50);
        assertNotEquals(ana.stream().map(DemoMessage::subject).toList(),
                ben.stream().map(DemoMessage::subject).toList());
        assertTrue(ana.stream().noneMatch(a -> ben.stream().anyMatch(b -> b.messageId().equals(a.messageId()))),
                "Message-IDs are unique across mailboxes");
    }

    @Test
    void everyKindOfSalesMailIsThereAndOldMailToo() {
        List<DemoMessage> messages = new SalesMailGenerator(7, TODAY).generate("ana@mailrules.demo", 0, 300);
        Map<DemoCategory, Integer> perCategory = new EnumMap<>(DemoCategory.class);
        messages.forEach(m -> perCategory.merge(m.category(), 1, Integer::sum));
        for (DemoCategory category : DemoCategory.values()) {
            assertTrue(perCategory.getOrDefault(category, 0) >= 10, category + " has " + perCategory.get(category));
        }
        long olderThanAYear = messages.stream().filter(m -> daysBack(m) > 365).count();
        long withinAMonth = messages.stream().filter(m -> daysBack(m) < 30).count();
        assertTrue(olderThanAYear > 50, "old mail for the archive rule: " + olderThanAYear);
        assertTrue(withinAMonth > 0, "recent mail: " + withinAMonth);
    }

    @Test
    void noMessageIsDatedCloseToARetentionCutoff() {
        List<DemoMessage> messages = new SalesMailGenerator(11, TODAY).generate("ben@mailrules.demo", 1, 1000);
        for (DemoMessage message : messages) {
            long days = daysBack(message);
            assertTrue(Math.abs(days - 30) > 2 && Math.abs(days - 365) > 2, message + " is " + days + " days old");
        }
    }

    private static long daysBack(DemoMessage message) {
        return ChronoUnit.DAYS.between(message.date().atZone(ZoneOffset.UTC).toLocalDate(), TODAY);
    }
}
