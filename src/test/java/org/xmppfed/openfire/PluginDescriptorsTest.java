/*
 * Copyright 2026 The federation plugin team. Licensed under the Apache License, Version 2.0 (see LICENSE).
 */
package org.xmppfed.openfire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Openfire reads plugin.xml and web.xml when it loads the plugin and registers no page at all when
 * web.xml is malformed, so their shape is checked here rather than first in a running server:
 * both parse, every servlet has exactly one mapping, and every admin console item opens a mapped page.
 */
class PluginDescriptorsTest {
    private static Document parse(String path) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        return f.newDocumentBuilder().parse(new File(path));
    }

    private static List<String> texts(Document d, String tag) {
        List<String> out = new ArrayList<>();
        NodeList nodes = d.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent().strip());
        }
        return out;
    }

    @Test
    void everyServletHasOneMappingAndEveryPathOneServlet() throws Exception {
        Document web = parse("web/WEB-INF/web.xml");
        Set<String> servlets = new TreeSet<>();
        NodeList defined = web.getElementsByTagName("servlet");
        for (int i = 0; i < defined.getLength(); i++) {
            String name = ((Element) defined.item(i)).getElementsByTagName("servlet-name").item(0).getTextContent().strip();
            assertTrue(servlets.add(name), "servlet " + name + " is defined once");
        }
        Map<String, String> byPath = new HashMap<>();
        Set<String> mapped = new TreeSet<>();
        NodeList mappings = web.getElementsByTagName("servlet-mapping");
        for (int i = 0; i < mappings.getLength(); i++) {
            Element m = (Element) mappings.item(i);
            String name = m.getElementsByTagName("servlet-name").item(0).getTextContent().strip();
            String path = m.getElementsByTagName("url-pattern").item(0).getTextContent().strip();
            assertEquals(null, byPath.put(path, name), path + " is mapped once");
            mapped.add(name);
        }
        assertEquals(servlets, mapped, "every servlet is mapped, and only defined servlets are");
    }

    @Test
    void everyAdminConsoleItemOpensAMappedPage() throws Exception {
        Document plugin = parse("plugin.xml");
        Set<String> paths = new TreeSet<>(texts(parse("web/WEB-INF/web.xml"), "url-pattern"));
        NodeList items = plugin.getElementsByTagName("item");
        assertTrue(items.getLength() > 0, "plugin.xml lists the pages");
        Set<String> ids = new TreeSet<>();
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            assertTrue(ids.add(item.getAttribute("id")), "item id " + item.getAttribute("id") + " is unique");
            assertTrue(paths.contains("/" + item.getAttribute("url")), item.getAttribute("url") + " is served by a servlet");
        }
        Element tab = (Element) plugin.getElementsByTagName("tab").item(0);
        assertTrue(paths.contains("/" + tab.getAttribute("url")), "the tab opens a served page");
    }
}
