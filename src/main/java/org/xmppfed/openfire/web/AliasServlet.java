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

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.alias.ChatAliases;
import org.xmppfed.openfire.alias.ChatNodeAlias;
import org.xmppfed.openfire.policy.InvalidInputException;

/**
 * Federation → Chat node aliases: the aliases ({@code alias → local group chat service}) with the DNS
 * SRV record and the certificate name each needs; add, edit, and delete with confirmation. A form
 * that is refused shows the reason next to its field and keeps what was entered.
 */
public final class AliasServlet extends AdminPage {
    static final String PAGE_ID = "federation-aliases";

    /** One row of the table: the alias, its service, and what DNS and the certificate need for it. */
    public record Row(String alias, String service, String srvRecord, String certificateName) {
    }

    /** The add or edit form as entered ({@code original} is null when adding). */
    public record Form(String original, String alias, String service) {
    }

    /** What {@code aliases.jte} shows. */
    public record View(Notice notice, String confirmDelete, List<Row> rows, List<String> services, Form add, Form edit,
                       FieldErrors errors) {
    }

    public AliasServlet() {
        this(FederationContext::current);
    }

    AliasServlet(Supplier<FederationContext> context) {
        super(context);
    }

    private ChatAliases aliases() {
        return context().service(ChatAliases.class);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String result = param(request, "result");
        String alias = param(request, "alias");
        Notice notice = switch (result) {
            case "added" -> Notice.success(t("aliases.added", alias, param(request, "service")));
            case "changed" -> Notice.success(t("aliases.changed", alias, param(request, "service")));
            case "deleted" -> Notice.success(t("aliases.deleted", alias));
            default -> null;
        };
        String edit = param(request, "edit");
        Form editing = null;
        if (!edit.isEmpty()) {
            String service = aliases().current().serviceOf(edit);
            editing = service == null ? null : new Form(edit, edit, service);
            if (service == null) {
                notice = Notice.error(t("alias.error.not-found", edit));
            }
        }
        String delete = param(request, "delete");
        show(request, response, notice, delete.isEmpty() ? null : delete, new Form(null, "", ""), editing, new FieldErrors());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!passedCsrfCheck(request)) {
            refuseWithoutCsrf(response);
            return;
        }
        FieldErrors errors = new FieldErrors();
        Form add = new Form(null, "", "");
        Form edit = null;
        Notice notice = null;
        switch (param(request, "action")) {
            case "add" -> {
                add = new Form(null, param(request, "alias"), param(request, "service"));
                try {
                    ChatNodeAlias added = aliases().add(add.alias(), add.service());
                    context().audit().record(request, "Chat node alias added", added.alias() + " -> " + added.service());
                    redirectAfterChange(response, "aliases.jsp?result=added&alias=" + url(added.alias()) + "&service=" + url(added.service()));
                    return;
                } catch (InvalidInputException e) {
                    errors.add(fieldOf(e, "add"), problem(e));
                }
            }
            case "edit" -> {
                edit = new Form(param(request, "original"), param(request, "alias"), param(request, "service"));
                try {
                    String before = edit.original() + " -> " + aliases().current().serviceOf(edit.original());
                    ChatNodeAlias changed = aliases().change(edit.original(), edit.alias(), edit.service());
                    context().audit().record(request, "Chat node alias changed", before + " is now " + changed.alias() + " -> " + changed.service());
                    redirectAfterChange(response, "aliases.jsp?result=changed&alias=" + url(changed.alias()) + "&service=" + url(changed.service()));
                    return;
                } catch (InvalidInputException e) {
                    errors.add(fieldOf(e, "edit"), problem(e));
                }
            }
            case "delete" -> {
                try {
                    ChatNodeAlias deleted = aliases().delete(param(request, "alias"));
                    context().audit().record(request, "Chat node alias deleted", deleted.alias() + " -> " + deleted.service());
                    redirectAfterChange(response, "aliases.jsp?result=deleted&alias=" + url(deleted.alias()));
                    return;
                } catch (InvalidInputException e) {
                    notice = Notice.error(problem(e));
                }
            }
            default -> notice = Notice.error(t("aliases.error.action"));
        }
        if (!errors.isEmpty()) {
            notice = Notice.error(t("form.not-saved"));
        }
        show(request, response, notice, null, add, edit, errors);
    }

    /** Which field of form {@code form} a refusal belongs to (see {@link ChatAliases#checked}). */
    private static String fieldOf(InvalidInputException e, String form) {
        return form + (e.key().startsWith("alias.error.service") ? "-service" : "-alias");
    }

    private void show(HttpServletRequest request, HttpServletResponse response, Notice notice, String confirmDelete, Form add,
                      Form edit, FieldErrors errors) throws IOException {
        ChatAliases a = aliases();
        String host = context().hostName();
        List<Row> rows = a.current().all().stream().map(x -> new Row(x.alias(), x.service(),
            "_xmpp-server._tcp." + x.alias() + ". IN SRV 0 5 5269 " + host + ".", "DNS:" + x.alias())).toList();
        render(request, response, "aliases.jte", new View(notice, confirmDelete, rows, List.copyOf(a.chatServices()), add, edit, errors));
    }
}
