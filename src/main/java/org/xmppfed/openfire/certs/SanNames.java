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

import java.io.IOException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.ASN1UTF8String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.OtherName;

/**
 * The subject alternative names of a certificate that matter for XMPP: DNS names and XmppAddr
 * names (id-on-xmppAddr, RFC 6120 section 13.7.1.4), read from a certificate and made for a new one.
 */
public record SanNames(List<String> dns, List<String> xmppAddrs) {
    /** id-on-xmppAddr. */
    public static final ASN1ObjectIdentifier XMPP_ADDR = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.5");

    /** The DNS and XmppAddr names of {@code certificate} (lower-cased). */
    public static SanNames of(X509Certificate certificate) {
        List<String> dns = new ArrayList<>();
        List<String> xmpp = new ArrayList<>();
        Collection<List<?>> sans;
        try {
            sans = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return new SanNames(List.of(), List.of());
        }
        if (sans != null) {
            for (List<?> san : sans) {
                int type = (Integer) san.get(0);
                if (type == GeneralName.dNSName && san.get(1) instanceof String s) {
                    dns.add(s.toLowerCase(Locale.ROOT));
                } else if (type == GeneralName.otherName && san.get(1) instanceof byte[] der) {
                    String addr = xmppAddr(der);
                    if (addr != null) {
                        xmpp.add(addr.toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return new SanNames(List.copyOf(dns), List.copyOf(xmpp));
    }

    /** The XmppAddr in the DER of an otherName general name, or {@code null} when it is another kind of otherName. */
    static String xmppAddr(byte[] der) {
        try {
            ASN1Primitive p = ASN1Primitive.fromByteArray(der);
            OtherName other;
            if (p instanceof ASN1TaggedObject tagged) {
                // The JDK hands over the whole GeneralName: [0] IMPLICIT OtherName.
                other = OtherName.getInstance(ASN1Sequence.getInstance(tagged, false));
            } else {
                other = OtherName.getInstance(p);
            }
            if (!XMPP_ADDR.equals(other.getTypeID())) {
                return null;
            }
            ASN1Encodable value = other.getValue();
            if (value instanceof ASN1TaggedObject t) {
                value = t.getExplicitBaseObject();
            }
            return ASN1UTF8String.getInstance(value).getString();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The subject alternative names for a new certificate: every name as a DNS name, and, when
     * {@code withXmppAddr}, as an XmppAddr too: otherName with type id-on-xmppAddr and the value a
     * UTF8String in an explicit [0] tag, which is what RFC 6120 and X.509 prescribe (and what
     * Openfire's {@code SANCertificateIdentityMapping} reads).
     */
    public static GeneralNames forNewCertificate(List<String> names, boolean withXmppAddr) {
        List<GeneralName> list = new ArrayList<>();
        for (String n : names) {
            list.add(new GeneralName(GeneralName.dNSName, n));
        }
        if (withXmppAddr) {
            for (String n : names) {
                list.add(new GeneralName(GeneralName.otherName,
                    new DERSequence(new ASN1Encodable[] {XMPP_ADDR, new DERTaggedObject(true, 0, new DERUTF8String(n))})));
            }
        }
        return new GeneralNames(list.toArray(new GeneralName[0]));
    }
}
