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
package org.xmppfed.openfire.bench;

import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xmppfed.openfire.certs.CertificateMaker;
import org.xmppfed.openfire.certs.CertificateService;
import org.xmppfed.openfire.certs.KeyType;
import org.xmppfed.openfire.certs.MemoryCertificateStores;
import org.xmppfed.openfire.certs.RequiredName;

/**
 * "Make signing request" per key type: a new key pair and a signed PKCS#10 request with three names
 * ({@code requestSigning}, what the page does, the store in memory), and the request alone for an
 * existing key (the signature, what a download costs).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class CsrGenerationBenchmark {
    @Param({"RSA_2048", "RSA_3072", "RSA_4096", "EC_P256", "EC_P384"})
    public String keyType;

    private KeyType type;
    private KeyPair key;
    private CertificateService service;
    private final List<String> names = List.of("openfire.example", "mail.example", "chat.openfire.example");

    @Setup
    public void setUp() {
        type = KeyType.valueOf(keyType);
        key = type.generate();
        service = new CertificateService(new MemoryCertificateStores(), () -> names.stream().map(n -> new RequiredName(n, "XMPP domain")).toList(),
            Clock.systemUTC());
    }

    @Benchmark
    public String newKeyAndRequest() {
        return service.requestSigning(type, false);
    }

    @Benchmark
    public Object requestForExistingKey() {
        return CertificateMaker.csr(key, type, names, false);
    }
}
