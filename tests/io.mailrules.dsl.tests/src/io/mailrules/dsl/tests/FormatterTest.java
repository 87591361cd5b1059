package io.mailrules.dsl.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.xtext.formatting2.FormatterRequest;
import org.eclipse.xtext.formatting2.IFormatter2;
import org.eclipse.xtext.formatting2.regionaccess.ITextRegionAccess;
import org.eclipse.xtext.formatting2.regionaccess.ITextReplacement;
import org.eclipse.xtext.formatting2.regionaccess.TextRegionAccessBuilder;
import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.testing.InjectWith;
import org.eclipse.xtext.testing.extensions.InjectionExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.google.inject.Inject;
import com.google.inject.Provider;

@ExtendWith(InjectionExtension.class)
@InjectWith(MailrulesInjectorProvider.class)
class FormatterTest {

    @Inject
    private MailrulesFixture fixture;

    @Inject
    private Provider<IFormatter2> formatters;

    @Inject
    private Provider<TextRegionAccessBuilder> regionAccessBuilders;

    String format(String text) {
        XtextResource resource = (XtextResource) fixture.parseClean(text).eResource();
        ITextRegionAccess regions = regionAccessBuilders.get().forNodeModel(resource).create();
        FormatterRequest request = new FormatterRequest();
        request.setTextRegionAccess(regions);
        List<ITextReplacement> replacements = formatters.get().format(request);
        return regions.getRewriter().renderToString(replacements);
    }

    private void assertCanonical(String expected, String input) {
        String once = format(input);
        assertEquals(expected, once);
        assertEquals(once, format(once), "formatting is not idempotent");
    }

    @Test
    void formatsEverythingCanonically() {
        String input = """
                  import "layouts.mailrules"   import "fleet.mailrules"
                mailbox   sdr1{host "imap.example.com"   port 993 tls user "ana@example.com"
                password   from secret "sdr1"}
                group sdrs=sdr1 ,sdr2
                layout sales{folder "Replies"{folder "Positive" folder "Negative"}folder "Archive" role archive}
                rules routing for sdrs layout sales in "INBOX"{rule bounces when from matches /daemon/ or (  header "X" exists and not is seen )
                then move to "Bounces" rule vip when all( from domain "a.com" ,to is "x") then flag , stop}
                retention cleanup for sdrs{in "Bounces" keep 30 days then delete}
                schedule nightly daily at 02:00 run cleanup   ,routing
                """;
        String expected = """
                import "layouts.mailrules"
                import "fleet.mailrules"

                mailbox sdr1 {
                    host "imap.example.com" port 993 tls
                    user "ana@example.com"
                    password from secret "sdr1"
                }

                group sdrs = sdr1, sdr2

                layout sales {
                    folder "Replies" {
                        folder "Positive"
                        folder "Negative"
                    }
                    folder "Archive" role archive
                }

                rules routing for sdrs layout sales in "INBOX" {
                    rule bounces when from matches /daemon/ or (header "X" exists and not is seen)
                        then move to "Bounces"
                    rule vip when all(from domain "a.com", to is "x")
                        then flag, stop
                }

                retention cleanup for sdrs {
                    in "Bounces" keep 30 days then delete
                }

                schedule nightly daily at 02:00 run cleanup, routing
                """;
        assertCanonical(expected, input);
    }

    @Test
    void keepsCommentsAndDropsBlankLinesInsideBlocks() {
        String input = """
                // routing for the sales team
                rules r for m {
                    // first the bounces
                    rule a when always then stop   // trailing note



                    rule b when is seen then flag
                    /* block
                       comment */
                    rule c when is flagged then flag
                }
                """;
        String expected = """
                // routing for the sales team
                rules r for m {
                    // first the bounces
                    rule a when always
                        then stop // trailing note
                    rule b when is seen
                        then flag
                    /* block
                     comment */
                    rule c when is flagged
                        then flag
                }
                """;
        assertCanonical(expected, input);
    }

    @Test
    void limitsComeFirstInTheirBlockOneSettingPerLine() {
        String input = """
                rules purge for m{limits{remove at most 10 % and 500 move   at most 50%or 5000}
                rule old when older than 30 days then expunge}
                retention cleanup for m{ limits { remove at most 100 % } in "Bounces" keep 30 days then delete}
                """;
        String expected = """
                rules purge for m {
                    limits {
                        remove at most 10% and 500
                        move at most 50% or 5000
                    }
                    rule old when older than 30 days
                        then expunge
                }

                retention cleanup for m {
                    limits {
                        remove at most 100%
                    }
                    in "Bounces" keep 30 days then delete
                }
                """;
        assertCanonical(expected, input);
    }

    @Test
    void emptyBlocksAndFileEnd() {
        assertCanonical("layout l {\n}\n\nrules r for m {\n}\n", "layout l{}rules r for m{}");
    }

    @Test
    void everyExampleFileIsAlreadyFormatted() throws IOException {
        for (Path file : ExamplesTest.exampleFiles()) {
            String text = Files.readString(file);
            assertEquals(text, format(text), file + " is not in canonical format");
        }
    }
}
