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
package org.xmppfed.openfire.peer;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a request between peer clusters is signed: HMAC-SHA256 with the shared secret over the
 * method, the path, the time (seconds since the epoch), a random nonce and the SHA-256 of the body,
 * one per line. The three values travel in headers; the signature is hex.
 */
public final class RequestSignature {
    public static final String TIMESTAMP = "X-Federation-Timestamp";
    public static final String NONCE = "X-Federation-Nonce";
    public static final String SIGNATURE = "X-Federation-Signature";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestSignature() {
    }

    public static String sign(String secret, String method, String path, long timestamp, String nonce, byte[] body) {
        String text = method + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n" + sha256(body);
        return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh nonce: 128 random bits, hex. */
    public static String nonce() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Compares in time independent of where the texts differ. */
    public static boolean matches(String expected, String given) {
        return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
            given.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * A digest of {@code value} keyed by {@code key}: equal for two clusters only when both the
     * value and the key are equal, and telling nothing about the value to anyone without the key.
     */
    public static String keyedDigest(String key, String value) {
        return HexFormat.of().formatHex(hmac(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] hmac(byte[] key, byte[] text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
