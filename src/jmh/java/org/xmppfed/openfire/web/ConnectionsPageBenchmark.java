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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
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
import org.xmppfed.openfire.connections.FakeNodes;
import org.xmppfed.openfire.connections.NodeReport;

/**
 * The connections page with many sessions, through the page's own data path: two nodes' reports
 * (as the cluster task returns them, so Java-serialised and read back like the answer of another
 * node), the servlet, the filter and sort, and the template writing the whole table. Sorted by
 * stanzas in, no filter: every row is written.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class ConnectionsPageBenchmark {
    @Param({"5000"})
    public int sessions;

    private PageFixture fixture;
    private ConnectionsServlet page;
    private byte[] wire;

    @Setup
    public void setUp() throws IOException {
        fixture = new PageFixture();
        List<NodeReport> reports = FakeNodes.synthetic(sessions, sessions / 7).reports();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(reports));
        }
        wire = bytes.toByteArray();
        page = new ConnectionsServlet(() -> fixture.context);
    }

    @Benchmark
    @SuppressWarnings("unchecked")
    public int render() throws Exception {
        FakeNodes nodes = new FakeNodes();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(wire))) {
            nodes.reports.addAll((List<NodeReport>) in.readObject());
        }
        fixture.nodes = nodes;
        return PageFixture.run(page, "GET", Map.of("sort", "IN"), true).body.getBuffer().length();
    }
}
