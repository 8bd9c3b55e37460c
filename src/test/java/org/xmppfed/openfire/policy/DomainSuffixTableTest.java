package org.xmppfed.openfire.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The suffix table behind the policy lookup. Its hash reads a name from the last character to the
 * first, so names that differ only in their first label can share a hash: {@code na.example} and
 * {@code 0c.example} do (31 * 'a' + 'n' == 31 * 'c' + '0'), and so do the four three-letter names
 * below. (Their {@code String.hashCode()} values differ; it reads the other way.)
 */
class DomainSuffixTableTest {

    private static final List<String> FOUR_COLLIDING = List.of("vtn.example", "v6p.example", "8vn.example", "88p.example");

    private static int hash(String name) {
        return DomainSuffixTable.suffixHash(name, 0);
    }

    private static String get(DomainSuffixTable<String> table, String name) {
        return table.get(name, 0, hash(name));
    }

    @Test
    void theFixtureNamesReallyCollide() {
        assertEquals(hash("na.example"), hash("0c.example"));
        for (String name : FOUR_COLLIDING) {
            assertEquals(hash("vtn.example"), hash(name), name);
        }
        assertNotEquals(hash("na.example"), hash("nb.example"));
    }

    @Test
    void aNameWithTheSameHashIsNotTheStoredName() {
        DomainSuffixTable<String> table = new DomainSuffixTable<>(Map.of("na.example", "na"));
        assertEquals("na", get(table, "na.example"));
        assertNull(get(table, "0c.example"));
    }

    @Test
    void collidingNamesEachFindTheirOwnValue() {
        Map<String, String> entries = new HashMap<>();
        for (String name : FOUR_COLLIDING.subList(0, 3)) {
            entries.put(name, "value of " + name);
        }
        DomainSuffixTable<String> table = new DomainSuffixTable<>(entries);
        for (String name : FOUR_COLLIDING.subList(0, 3)) {
            assertEquals("value of " + name, get(table, name));
        }
        assertNull(get(table, "88p.example"), "the fourth name collides with all three but is not stored");
    }

    @Test
    void suffixesAreProbedInPlace() {
        DomainSuffixTable<String> table = new DomainSuffixTable<>(Map.of("b.example", "b", "example", "top"));
        String domain = "a.b.example";
        assertEquals("b", table.get(domain, 2, DomainSuffixTable.suffixHash(domain, 2)));
        assertEquals("top", table.get(domain, 4, DomainSuffixTable.suffixHash(domain, 4)));
        assertNull(table.get(domain, 0, DomainSuffixTable.suffixHash(domain, 0)));
        assertNull(table.get(domain, 3, DomainSuffixTable.suffixHash(domain, 3)), ".example is not example");
    }

    @Test
    void theRightToLeftPassGivesTheHashOfEverySuffix() {
        String domain = "mail.partner.example";
        int h = 0;
        for (int i = domain.length() - 1; i >= 0; i--) {
            h = DomainSuffixTable.extend(h, domain.charAt(i));
            assertEquals(DomainSuffixTable.suffixHash(domain, i), h, domain.substring(i));
        }
    }

    /** 0 marks an empty slot, so a name whose hash is 0 must be stored under another value. */
    @Test
    void aNameWhoseHashIsZeroIsFound() {
        String zero = "zlneerdqiucx.example";
        assertEquals(0, hash(zero));
        DomainSuffixTable<String> table = new DomainSuffixTable<>(Map.of(zero, "zero", "other.example", "other"));
        assertEquals("zero", get(table, zero));
        assertEquals("other", get(table, "other.example"));
        FederationPolicy p = FederationPolicy.of(true, DefaultPolicy.DENY, List.of(PolicyException.of(zero, Direction.BOTH, Instant.EPOCH)));
        assertTrue(p.decide(zero, Direction.OUTGOING).allowed());
    }

    @Test
    void anEmptyTableFindsNothing() {
        DomainSuffixTable<String> table = new DomainSuffixTable<>(Map.of());
        assertNull(get(table, "example"));
        assertNull(get(table, ""));
    }

    /** The same collision seen through the policy: an exception for na.example says nothing about 0c.example. */
    @Test
    void aPolicyExceptionDoesNotApplyToANameWithTheSameHash() {
        Instant t = Instant.EPOCH;
        FederationPolicy p = FederationPolicy.of(true, DefaultPolicy.DENY, List.of(
            PolicyException.of("na.example", Direction.BOTH, t),
            PolicyException.of("*.vtn.example", Direction.INCOMING, t)));
        assertTrue(p.decide("na.example", Direction.INCOMING).allowed());
        assertEquals(DecisionReason.DEFAULT_POLICY, p.decide("0c.example", Direction.INCOMING).reason());
        assertFalse(p.decide("0c.example", Direction.INCOMING).allowed());
        assertTrue(p.decide("x.vtn.example", Direction.INCOMING).allowed());
        assertEquals(DecisionReason.DEFAULT_POLICY, p.decide("x.v6p.example", Direction.INCOMING).reason());
        assertEquals(DecisionReason.DEFAULT_POLICY, p.decide("88p.example", Direction.INCOMING).reason());
    }
}
