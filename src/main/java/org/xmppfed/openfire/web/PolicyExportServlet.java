package org.xmppfed.openfire.web;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.xmppfed.openfire.policy.ExceptionListFormat;
import org.xmppfed.openfire.policy.PolicyException;

/** Downloads the exception list as CSV or JSON (the formats the import reads). */
public final class PolicyExportServlet extends HttpServlet {
    private final Supplier<FederationContext> context;

    public PolicyExportServlet() {
        this(FederationContext::current);
    }

    PolicyExportServlet(Supplier<FederationContext> context) {
        this.context = context;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<PolicyException> exceptions = context.get().policy().current().exceptions();
        boolean json = "json".equalsIgnoreCase(request.getParameter("format"));
        response.setCharacterEncoding("UTF-8");
        response.setContentType(json ? "application/json" : "text/csv");
        response.setHeader("Content-Disposition", "attachment; filename=\"federation-policy-exceptions." + (json ? "json" : "csv") + "\"");
        response.getWriter().write(json ? ExceptionListFormat.toJson(exceptions) : ExceptionListFormat.toCsv(exceptions));
    }
}
