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
package org.xmppfed.openfire.troubleshoot;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A real DNS server on a loopback UDP port for the DNS checks' tests: answers from the records it
 * was given (NXDOMAIN otherwise), over the wire, so the checks go through dnsjava's resolver as in
 * production.
 */
final class TinyDnsServer implements AutoCloseable {
    private final DatagramSocket socket;
    private final Map<String, List<Record>> records = new ConcurrentHashMap<>();
    private final Thread thread;

    TinyDnsServer() throws SocketException, IOException {
        socket = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"));
        thread = new Thread(this::serve, "tiny-dns");
        thread.setDaemon(true);
        thread.start();
    }

    void add(Record r) {
        records.computeIfAbsent(r.getName().toString().toLowerCase() + "/" + r.getType(), k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(r);
    }

    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket p = new DatagramPacket(buffer, buffer.length);
                socket.receive(p);
                Message query = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
                Record q = query.getQuestion();
                Message answer = new Message(query.getHeader().getID());
                answer.getHeader().setFlag(Flags.QR);
                answer.getHeader().setFlag(Flags.AA);
                answer.addRecord(q, Section.QUESTION);
                List<Record> found = records.get(q.getName().toString().toLowerCase() + "/" + q.getType());
                boolean nameExists = records.keySet().stream().anyMatch(k -> k.startsWith(q.getName().toString().toLowerCase() + "/"));
                if (found != null) {
                    found.forEach(r -> answer.addRecord(r, Section.ANSWER));
                } else if (!nameExists) {
                    answer.getHeader().setRcode(Rcode.NXDOMAIN);
                }
                byte[] out = answer.toWire();
                socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a packet that is not DNS: next one
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
