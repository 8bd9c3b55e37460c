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
package org.xmppfed.openfire.adapter;

import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;

import org.jivesoftware.util.cache.ClusterTask;

/**
 * Closes S2S sessions on the node it runs on: one by stream ID, or every session of a domain.
 * The result is how many it closed there.
 */
public final class CloseSessionsTask implements ClusterTask<Integer> {
    private String streamId = "";
    private String domain = "";
    private int closed;

    /** For deserialisation. */
    public CloseSessionsTask() {
    }

    CloseSessionsTask(String streamId, String domain) {
        this.streamId = streamId == null ? "" : streamId;
        this.domain = domain == null ? "" : domain;
    }

    @Override
    public void run() {
        LocalNode node = LocalNode.current();
        closed = node == null ? 0 : node.close(streamId, domain);
    }

    @Override
    public Integer getResult() {
        return closed;
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeUTF(streamId);
        out.writeUTF(domain);
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        streamId = in.readUTF();
        domain = in.readUTF();
    }
}
