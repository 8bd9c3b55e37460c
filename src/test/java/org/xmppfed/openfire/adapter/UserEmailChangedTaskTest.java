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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

import org.junit.jupiter.api.Test;
import org.xmppfed.openfire.FederationPlugin;

/** The cluster task survives serialisation, and the plugin offers the entry point it calls by name. */
class UserEmailChangedTaskTest {

    private static UserEmailChangedTask roundTrip(UserEmailChangedTask task) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            task.writeExternal(out);
        }
        UserEmailChangedTask copy = new UserEmailChangedTask();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy.readExternal(in);
        }
        return copy;
    }

    @Test
    void aChangedAddressTravelsWhole() throws Exception {
        UserEmailChangedTask copy = roundTrip(new UserEmailChangedTask("alice", "Alice.Smith@mail.test", false));
        assertEquals("alice", copy.username());
        assertEquals("Alice.Smith@mail.test", copy.email());
        assertEquals(false, copy.deleted());
    }

    @Test
    void aDeletionCarriesNoAddress() throws Exception {
        UserEmailChangedTask copy = roundTrip(new UserEmailChangedTask("bob", null, true));
        assertEquals("bob", copy.username());
        assertNull(copy.email());
        assertTrue(copy.deleted());
    }

    @Test
    void thePluginOffersTheEntryPointTheTaskCallsByName() throws Exception {
        Method m = FederationPlugin.class.getMethod(UserEmailChangedTask.RECEIVER, String.class, String.class, boolean.class);
        assertTrue(Modifier.isPublic(m.getModifiers()));
        assertEquals(void.class, m.getReturnType());
        // Not running: the call is a no-op rather than a failure.
        new FederationPlugin().userEmailChangedOnAnotherNode("alice", "a@b.test", false);
    }
}
