package org.xmppfed.openfire.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Patterns on their own: what each matches, which one covers another, and the listing order. */
class DomainPatternTest {

    static Stream<Arguments> matching() {
        return Stream.of(
            // pattern              candidate              matches
            Arguments.of("partner.example",   "partner.example",     true),
            Arguments.of("partner.example",   "www.partner.example", false),
            Arguments.of("partner.example",   "example",             false),
            Arguments.of("partner.example",   "partner.example.org", false),
            Arguments.of("*.partner.example", "partner.example",     true),
            Arguments.of("*.partner.example", "www.partner.example", true),
            Arguments.of("*.partner.example", "a.b.partner.example", true),
            Arguments.of("*.partner.example", "xpartner.example",    false),
            Arguments.of("*.partner.example", "example",             false),
            Arguments.of("*.partner.example", "partner.example.org", false),
            Arguments.of("*.partner.example", "artner.example",      false),
            Arguments.of("*.example",         "example",             true),
            Arguments.of("*.example",         "anexample",           false));
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @MethodSource("matching")
    void matchesTheDomainItselfAndForAWildcardEverySubdomain(String pattern, String candidate, boolean matches) {
        assertEquals(matches, DomainPattern.parse(pattern).matches(candidate));
    }

    static Stream<Arguments> covering() {
        return Stream.of(
            // narrower               wider                  covered
            Arguments.of("www.partner.example", "*.partner.example", true),
            Arguments.of("partner.example",     "*.partner.example", true),
            Arguments.of("*.a.partner.example", "*.partner.example", true),
            Arguments.of("*.partner.example",   "*.partner.example", false),
            Arguments.of("*.partner.example",   "*.a.partner.example", false),
            Arguments.of("www.partner.example", "partner.example",   false),
            Arguments.of("partner.example",     "partner.example",   false),
            Arguments.of("other.example",       "*.partner.example", false));
    }

    @ParameterizedTest(name = "{0} covered by {1}: {2}")
    @MethodSource("covering")
    void onlyAWiderWildcardCoversAPattern(String narrower, String wider, boolean covered) {
        assertEquals(covered, DomainPattern.parse(narrower).isCoveredBy(DomainPattern.parse(wider)));
    }

    @Test
    void patternsAreWrittenAsTheAdministratorEntersThem() {
        assertEquals("*.partner.example", DomainPattern.parse("*.Partner.Example.").toString());
        assertEquals("partner.example", DomainPattern.parse("partner.example").toString());
        assertEquals(new DomainPattern("partner.example", true), DomainPattern.parse("*.partner.example"));
    }

    /** Top-level label first, label by label; a name before its subdomains; exact before wildcard. */
    @Test
    void patternsAreListedLabelByLabelFromTheTop() {
        List<String> listed = List.of(
            "example.com", "*.example.com", "a.example.com", "z.example.com", "*.z.example.com", "example-x.com",
            "x-example.com", "a.example.org", "10.0.0.2", "10.0.0.10");
        List<DomainPattern> patterns = new ArrayList<>();
        for (int i = listed.size() - 1; i >= 0; i--) {
            patterns.add(DomainPattern.parse(listed.get(i)));
        }
        patterns.sort(null);
        assertEquals(List.of(
            "10.0.0.10", "10.0.0.2", "example.com", "*.example.com", "a.example.com", "z.example.com", "*.z.example.com",
            "example-x.com", "x-example.com", "a.example.org"), patterns.stream().map(DomainPattern::toString).toList());
    }
}
