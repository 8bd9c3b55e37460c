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
package org.xmppfed.openfire.certs;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.InvalidAlgorithmParameterException;
import java.security.spec.ECGenParameterSpec;

import org.xmppfed.openfire.policy.InvalidInputException;

/** The keys offered for a new federation certificate, with the signature algorithm each one signs with. */
public enum KeyType {
    RSA_2048("RSA", 2048, null, "SHA256withRSA"),
    RSA_3072("RSA", 3072, null, "SHA256withRSA"),
    RSA_4096("RSA", 4096, null, "SHA384withRSA"),
    EC_P256("EC", 256, "secp256r1", "SHA256withECDSA"),
    EC_P384("EC", 384, "secp384r1", "SHA384withECDSA");

    private final String algorithm;
    private final int bits;
    private final String curve;
    private final String signatureAlgorithm;

    KeyType(String algorithm, int bits, String curve, String signatureAlgorithm) {
        this.algorithm = algorithm;
        this.bits = bits;
        this.curve = curve;
        this.signatureAlgorithm = signatureAlgorithm;
    }

    /** The key type a form field names; refused, with the choices, for anything else (e.g. RSA 1024). */
    public static KeyType parse(String text) {
        for (KeyType t : values()) {
            if (t.name().equals(text)) {
                return t;
            }
        }
        throw new InvalidInputException("certs.error.keytype", text == null ? "" : text);
    }

    /** The type of an existing key, or {@code null} when it is none of the offered ones. */
    public static KeyType of(java.security.PublicKey key) {
        String label = CertificateReport.describeKey(key);
        for (KeyType t : values()) {
            if (t.label().equals(label)) {
                return t;
            }
        }
        return null;
    }

    public String signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** How the page names it: "RSA 2048", "EC P-256". */
    public String label() {
        return curve == null ? "RSA " + bits : "EC P-" + bits;
    }

    /** A new key pair of this type. */
    public KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (curve == null) {
                g.initialize(bits, new SecureRandom());
            } else {
                g.initialize(new ECGenParameterSpec(curve), new SecureRandom());
            }
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException | InvalidAlgorithmParameterException e) {
            throw new IllegalStateException("The JDK cannot make " + label() + " keys", e);
        }
    }
}
