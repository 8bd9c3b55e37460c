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
package org.xmppfed.openfire.policy;

/**
 * A normalised domain pattern: an exact domain ({@code example.com}) or a wildcard
 * ({@code *.example.com}) that matches the base domain itself and every subdomain of it.
 * Build instances with {@link DomainNames#parsePattern(String)}.
 */
public record DomainPattern(String domain, boolean wildcard) implements Comparable<DomainPattern> {

    public static DomainPattern parse(String text) {
        return DomainNames.parsePattern(text);
    }

    /** Whether this pattern matches {@code candidate} (a normalised domain). */
    public boolean matches(String candidate) {
        if (!wildcard) {
            return domain.equals(candidate);
        }
        return candidate.equals(domain)
            || (candidate.endsWith(domain) && candidate.charAt(candidate.length() - domain.length() - 1) == '.');
    }

    /** Whether every domain this pattern matches is also matched by {@code wider}. */
    public boolean isCoveredBy(DomainPattern wider) {
        return wider.wildcard && wider.matches(domain) && !this.equals(wider);
    }

    @Override
    public String toString() {
        return wildcard ? "*." + domain : domain;
    }

    /** Sorts by base domain read from the top-level label down, exact before wildcard. */
    @Override
    public int compareTo(DomainPattern o) {
        int c = reversed(domain).compareTo(reversed(o.domain));
        return c != 0 ? c : Boolean.compare(wildcard, o.wildcard);
    }

    /**
     * The labels from the top-level one down, joined by a character that sorts before every
     * character a label may hold: joined by '.', which sorts after '-', example-x.com would come
     * between example.com and a.example.com.
     */
    private static String reversed(String d) {
        String[] labels = d.split("\\.");
        StringBuilder sb = new StringBuilder(d.length());
        for (int i = labels.length - 1; i >= 0; i--) {
            sb.append(labels[i]);
            if (i > 0) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }
}
