/*
 * Copyright 2026 The federation plugin team
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package org.xmppfed.openfire.email;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who federates as which email address, in both directions, for every local user.
 *
 * <p>An address is usable when it is well formed ({@link EmailAddresses}), belongs to exactly one
 * user, and is not the native address of another user of this server. Lookups are a few hash
 * reads without locks (they run for every federated stanza); changes are per user, so a user edit
 * costs the same with 10 or 100 000 users.
 */
public final class EmailIndex {
    private final String xmppDomain;
    /** Every known user; the value is the address as the user provider gave it ("" for none). */
    private final Map<String, String> rawByUser = new ConcurrentHashMap<>();
    /** Users whose address is well formed, with its canonical (lower-case) form. */
    private final Map<String, String> canonicalByUser = new ConcurrentHashMap<>();
    /** Canonical address to the users who have it (more than one means it is shared). */
    private final Map<String, Set<String>> usersByAddress = new ConcurrentHashMap<>();
    /** Email domain to the number of users with a well-formed address in it. */
    private final Map<String, Integer> usersByDomain = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    public EmailIndex(String xmppDomain) {
        this.xmppDomain = xmppDomain.toLowerCase(Locale.ROOT);
    }

    public String xmppDomain() {
        return xmppDomain;
    }

    /** Replaces the whole index with {@code emailByUsername} (username to address, null for none). */
    public synchronized void replaceAll(Map<String, String> emailByUsername) {
        rawByUser.clear();
        canonicalByUser.clear();
        usersByAddress.clear();
        usersByDomain.clear();
        emailByUsername.forEach(this::putLocked);
        loaded = true;
    }

    /** Whether the whole user list has been read at least once (until then nothing is known). */
    public boolean isLoaded() {
        return loaded;
    }

    /** Records a created user or a changed address. */
    public synchronized void put(String username, String email) {
        removeLocked(key(username));
        putLocked(username, email);
    }

    /** Forgets a deleted user. */
    public synchronized void remove(String username) {
        removeLocked(key(username));
    }

    /** The address {@code username} federates as, or {@code null} to federate with the native JID. */
    public String federationAddress(String username) {
        String user = key(username);
        return isUsable(user) ? canonicalByUser.get(user) : null;
    }

    /** The user who federates as {@code address} (any case), or {@code null}. */
    public String ownerOf(String address) {
        Set<String> owners = usersByAddress.get(address.toLowerCase(Locale.ROOT));
        if (owners == null || owners.size() != 1) {
            return null;
        }
        String user = owners.iterator().next();
        return isUsable(user) ? user : null;
    }

    public boolean isKnownUser(String username) {
        return rawByUser.containsKey(key(username));
    }

    /** Whether some user has a well-formed address in {@code domain} (any case). */
    public boolean hasUsersIn(String domain) {
        return usersByDomain.containsKey(domain.toLowerCase(Locale.ROOT));
    }

    /** The domains of users' well-formed addresses, with how many users have one there, sorted. */
    public Map<String, Integer> domains() {
        return Collections.unmodifiableMap(new TreeMap<>(usersByDomain));
    }

    public int userCount() {
        return rawByUser.size();
    }

    /** Every user whose address can be used, with that address (canonical form). */
    public Map<String, String> usableAddresses() {
        Map<String, String> result = new TreeMap<>();
        canonicalByUser.forEach((user, address) -> {
            if (isUsable(user)) {
                result.put(user, address);
            }
        });
        return result;
    }

    /** Users who federate with their native JID because their address cannot be used, and why. */
    public List<UnusableEmail> unusable() {
        List<UnusableEmail> result = new ArrayList<>();
        for (Map.Entry<String, String> e : rawByUser.entrySet()) {
            String user = e.getKey();
            String raw = e.getValue();
            String problem = EmailAddresses.problem(raw);
            if (problem != null) {
                result.add(new UnusableEmail(user, raw, problem, ""));
                continue;
            }
            String canonical = canonicalByUser.get(user);
            Set<String> owners = usersByAddress.getOrDefault(canonical, Set.of());
            if (owners.size() > 1) {
                Set<String> others = new TreeSet<>(owners);
                others.remove(user);
                result.add(new UnusableEmail(user, raw, "email.user.reason.shared", String.join(", ", others)));
            } else if (clashesWithNativeJid(user, canonical)) {
                result.add(new UnusableEmail(user, raw, "email.user.reason.native-clash", EmailAddresses.localpart(canonical)));
            }
        }
        result.sort(Comparator.comparing(UnusableEmail::username));
        return result;
    }

    private boolean isUsable(String user) {
        String canonical = canonicalByUser.get(user);
        if (canonical == null) {
            return false;
        }
        Set<String> owners = usersByAddress.get(canonical);
        return owners != null && owners.size() == 1 && !clashesWithNativeJid(user, canonical);
    }

    /** An address in the XMPP domain that is another user's JID would route to that user. */
    private boolean clashesWithNativeJid(String user, String canonical) {
        int at = canonical.indexOf('@');
        String local = canonical.substring(0, at);
        return canonical.regionMatches(at + 1, xmppDomain, 0, xmppDomain.length())
            && canonical.length() - at - 1 == xmppDomain.length()
            && !local.equals(user) && rawByUser.containsKey(local);
    }

    private void putLocked(String username, String email) {
        String user = key(username);
        rawByUser.put(user, email == null ? "" : email);
        String canonical = EmailAddresses.canonical(email);
        if (canonical == null) {
            return;
        }
        canonicalByUser.put(user, canonical);
        usersByAddress.compute(canonical, (k, owners) -> {
            Set<String> next = owners == null ? new TreeSet<>() : new TreeSet<>(owners);
            next.add(user);
            return Collections.unmodifiableSet(next);
        });
        usersByDomain.merge(EmailAddresses.domain(canonical), 1, Integer::sum);
    }

    private void removeLocked(String user) {
        rawByUser.remove(user);
        String canonical = canonicalByUser.remove(user);
        if (canonical == null) {
            return;
        }
        usersByAddress.computeIfPresent(canonical, (k, owners) -> {
            Set<String> next = new TreeSet<>(owners);
            next.remove(user);
            return next.isEmpty() ? null : Collections.unmodifiableSet(next);
        });
        usersByDomain.computeIfPresent(EmailAddresses.domain(canonical), (k, n) -> n == 1 ? null : n - 1);
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    /** A user whose address cannot be used for federation, with a message key and its detail. */
    public record UnusableEmail(String username, String email, String reasonKey, String detail) {
    }
}
