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

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.xmppfed.openfire.policy.InvalidInputException;

/**
 * Reads certificates an administrator uploads or pastes: PEM (one or more CERTIFICATE blocks) or
 * one DER certificate. Everything else is refused with what it is and what to upload instead: an
 * empty or oversized upload, a private key, a signing request, a cut-off PEM block, bytes that
 * are no certificate, a certificate outside its validity.
 */
public final class CertificateUpload {
    /** Largest upload accepted: far more than any certificate chain. */
    public static final int MAX_BYTES = 256 * 1024;
    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----");

    private CertificateUpload() {
    }

    /** The certificates in {@code bytes}, in the order given; refused unless there is at least one and all are certificates. */
    public static List<X509Certificate> read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("certs.error.upload.empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("certs.error.upload.size", bytes.length / 1024, MAX_BYTES / 1024);
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        Matcher begin = BEGIN.matcher(text);
        if (!begin.find()) {
            try {
                return List.of(der(bytes));
            } catch (InvalidInputException e) {
                // A DER certificate starts with a SEQUENCE: one that does not parse was cut off or damaged.
                throw bytes[0] == 0x30 ? new InvalidInputException("certs.error.upload.truncated", 1) : e;
            }
        }
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher block = BLOCK.matcher(text);
        int blocks = 0;
        while (block.find()) {
            blocks++;
            String label = block.group(1);
            if (label.contains("PRIVATE KEY")) {
                throw new InvalidInputException("certs.error.upload.privatekey");
            }
            if (label.contains("CERTIFICATE REQUEST")) {
                throw new InvalidInputException("certs.error.upload.csr");
            }
            if (!label.equals("CERTIFICATE") && !label.equals("TRUSTED CERTIFICATE")) {
                throw new InvalidInputException("certs.error.upload.label", label);
            }
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(block.group(2).trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("certs.error.upload.truncated", blocks);
            }
            try {
                certificates.add(der(der));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("certs.error.upload.truncated", blocks);
            }
        }
        int begins = 0;
        Matcher counter = BEGIN.matcher(text);
        while (counter.find()) {
            String label = counter.group(1);
            if (label.contains("PRIVATE KEY")) {
                throw new InvalidInputException("certs.error.upload.privatekey");
            }
            begins++;
        }
        if (begins > blocks) {
            throw new InvalidInputException("certs.error.upload.truncated", blocks + 1);
        }
        return List.copyOf(certificates);
    }

    /** Refuses {@code c} when it has expired or is not valid yet. */
    public static void requireValid(X509Certificate c, Instant now) {
        if (now.isAfter(c.getNotAfter().toInstant())) {
            throw new InvalidInputException("certs.error.expired", c.getSubjectX500Principal().getName(), c.getNotAfter().toInstant().toString());
        }
        if (now.isBefore(c.getNotBefore().toInstant())) {
            throw new InvalidInputException("certs.error.notyet", c.getSubjectX500Principal().getName(), c.getNotBefore().toInstant().toString());
        }
    }

    private static X509Certificate der(byte[] der) {
        try {
            CertificateFactory f = CertificateFactory.getInstance("X.509");
            return (X509Certificate) f.generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new InvalidInputException("certs.error.upload.format");
        }
    }
}
