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
package org.xmppfed.openfire.policy;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders the plugin's message keys from {@code federation_i18n.properties}. Openfire puts the
 * plugin's {@code i18n/} folder on the plugin class path, so pure code can render the same texts
 * the admin pages show without depending on Openfire.
 */
public final class Messages {
    public static final String BUNDLE = "federation_i18n";

    private Messages() {
    }

    public static String format(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader()).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        Object[] rendered = args.clone();
        for (int i = 0; i < rendered.length; i++) {
            if (rendered[i] instanceof Phrase phrase) {
                rendered[i] = phrase.render(locale); // in the language of the sentence around it
            }
        }
        // Always through MessageFormat, so that '' in the bundle reads as one apostrophe.
        return new MessageFormat(pattern, locale).format(rendered);
    }

    public static String english(String key, Object... args) {
        return format(Locale.ENGLISH, key, args);
    }
}
