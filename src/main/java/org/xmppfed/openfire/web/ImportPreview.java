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

import java.util.List;

/** What applying a previewed import would change: counts, and the first lines of each list. */
public record ImportPreview(String importId, int entries, List<String> added, int addedCount, List<String> changed, int changedCount,
                            List<String> removed, int removedCount, int unchanged) {

    static ImportPreview of(String id, int entries, ListImport.Lines added, ListImport.Lines changed, ListImport.Lines removed, int unchanged) {
        return new ImportPreview(id, entries, added.first, added.count, changed.first, changed.count, removed.first, removed.count, unchanged);
    }
}
