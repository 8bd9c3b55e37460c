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

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.xmppfed.openfire.policy.InvalidInputException;

/** What a peer registration must look like; each refusal says what is wrong and what to enter. */
public final class PeerRules {
    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 200;
    public static final int MAX_NAME = 100;
    public static final int MAX_URL = 1000;

    private PeerRules() {
    }

    public static String name(String text) {
        String name = text == null ? "" : text.strip();
        if (name.isEmpty()) {
            throw new InvalidInputException("peers.error.name.empty");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException("peers.error.name.long", MAX_NAME);
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new InvalidInputException("peers.error.name.control");
            }
        }
        return name;
    }

    /**
     * The base URL of the peer's plugin, for example {@code https://im2.example.com:9091/plugins/federation}:
     * http or https, a host, no user name or password in it (the shared secret authenticates), no
     * query or fragment. A trailing slash is removed.
     */
    public static String baseUrl(String text) {
        String url = text == null ? "" : text.strip();
        if (url.isEmpty()) {
            throw new InvalidInputException("peers.error.url.empty");
        }
        if (url.length() > MAX_URL) {
            throw new InvalidInputException("peers.error.url.long", MAX_URL);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("peers.error.url.syntax", url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidInputException("peers.error.url.scheme", url);
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInputException("peers.error.url.credentials");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException("peers.error.url.host", url);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException("peers.error.url.query", url);
        }
        url = scheme + url.substring(scheme.length());
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        return url;
    }

    public static String secret(String text) {
        String secret = text == null ? "" : text;
        if (secret.strip().length() != secret.length()) {
            throw new InvalidInputException("peers.error.secret.blanks");
        }
        if (secret.length() < MIN_SECRET) {
            throw new InvalidInputException("peers.error.secret.short", MIN_SECRET);
        }
        if (secret.length() > MAX_SECRET) {
            throw new InvalidInputException("peers.error.secret.long", MAX_SECRET);
        }
        return secret;
    }
}
