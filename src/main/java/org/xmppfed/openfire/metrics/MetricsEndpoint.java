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
package org.xmppfed.openfire.metrics;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The metrics endpoint's rules: who may read it and what it says. A scraper proves itself with
 * {@code Authorization: Bearer <token>}; only the token's SHA-256 digest is stored (an Openfire
 * property), and the digest of what is presented is compared with it in constant time. Without a
 * stored digest nobody may read the metrics.
 */
public final class MetricsEndpoint {
    /** Where the token's digest is kept. */
    public interface TokenStore {
        /** The stored digest (hex), or {@code null}/empty when no token is set. */
        String digest();

        void setDigest(String digest);
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final MetricRegistry registry;
    private final TokenStore tokens;
    private final int topDomains;

    public MetricsEndpoint(MetricRegistry registry, TokenStore tokens, int topDomains) {
        this.registry = registry;
        this.tokens = tokens;
        this.topDomains = topDomains;
    }

    public boolean tokenSet() {
        String d = tokens.digest();
        return d != null && !d.isEmpty();
    }

    /** Whether {@code authorization} (the request's header) carries the token. */
    public boolean authorised(String authorization) {
        String stored = tokens.digest();
        if (stored == null || stored.isEmpty() || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = sha256(authorization.substring(7).strip());
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(stored);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(presented, expected);
    }

    /** Makes a new random token, stores its digest (the old token stops working) and returns it, to be shown once. */
    public String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        tokens.setDigest(HexFormat.of().formatHex(sha256(token)));
        return token;
    }

    /** Removes the token: nobody may read the metrics until a new one is made. */
    public void removeToken() {
        tokens.setDigest("");
    }

    public String scrape(boolean openMetrics) {
        return MetricsText.write(registry.collect(), topDomains, openMetrics);
    }

    public int topDomains() {
        return topDomains;
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
