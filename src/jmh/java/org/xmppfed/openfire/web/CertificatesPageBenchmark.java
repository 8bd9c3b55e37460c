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
package org.xmppfed.openfire.web;

import java.util.Map;
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
import org.xmppfed.openfire.certs.KeyType;
import org.xmppfed.openfire.certs.TestSigner;

/**
 * Rendering Federation → Certificates (the servlet and its template, certificate analysis
 * included) with a federation certificate and N trusted certificates in the store.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CertificatesPageBenchmark {
    @Param({"200"})
    public int trusted;

    private PageFixture fixture;
    private CertificatesServlet page;

    @Setup
    public void setUp() {
        fixture = new PageFixture();
        fixture.certificates.installSelfSigned(KeyType.EC_P256, false);
        for (int i = 0; i < trusted; i++) {
            fixture.certificateStores.trusted.put("partner-ca-" + i, new TestSigner("Partner CA " + i).certificate);
        }
        page = new CertificatesServlet(() -> fixture.context);
    }

    @Benchmark
    public int render() throws Exception {
        return PageFixture.run(page, "GET", Map.of(), true).body.getBuffer().length();
    }
}
