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
package org.xmppfed.openfire.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server of its own, made with Debian's binaries
 * ({@code /usr/lib/postgresql/<version>/bin}, package {@code postgresql}) in a directory of the suite:
 * listening on one loopback address only, trusting local connections, with one database and its
 * owner. It does not touch the host's clusters, and it works inside a network namespace (where the
 * host's PostgreSQL on 127.0.0.1 is not reachable). PostgreSQL refuses to run as root, so when the
 * suite runs as root the server runs as the {@code postgres} user.
 */
final class PostgresServer implements AutoCloseable {
    private final Path bin;
    private final Path data;
    private final ManagedProcess process;
    final String address;
    final int port;

    private PostgresServer(Path bin, Path data, ManagedProcess process, String address, int port) {
        this.bin = bin;
        this.data = data;
        this.process = process;
        this.address = address;
        this.port = port;
    }

    /** The newest installed PostgreSQL's program directory, or a failure that says what to install. */
    static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var found = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(v -> v.getFileName().toString().matches("\\d+") ? Integer.parseInt(v.getFileName().toString()) : 0));
                if (found.isPresent()) {
                    return found.get().resolve("bin");
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("PostgreSQL not found in /usr/lib/postgresql: install Debian's postgresql (apt-get install postgresql)");
    }

    /** Starts a server in {@code dir} on {@code address:port} with {@code database} owned by {@code user} (password {@code password}). */
    static PostgresServer start(Path dir, String address, int port, String database, String user, String password)
        throws IOException, InterruptedException {
        Path bin = binaries();
        Files.createDirectories(dir);
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path data = dir.resolve("data");
        run(dir, root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
            "--locale=C", "--no-sync"), "initdb.log");
        ManagedProcess process = ManagedProcess.start("postgres", asPostgres(root, List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
            "-c", "listen_addresses=" + address, "-p", Integer.toString(port), "-c", "unix_socket_directories=" + dir,
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")), dir, Map.of(), dir.resolve("postgres.log"));
        PostgresServer server = new PostgresServer(bin, data, process, address, port);
        try {
            Await.require(Duration.ofSeconds(60), "PostgreSQL to accept connections on " + address + ":" + port,
                () -> server.ready() && process.isAlive());
            server.psql("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'");
            server.psql("CREATE DATABASE " + database + " OWNER " + user + " ENCODING 'UTF8'");
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    /** The JDBC URL of {@code database} on this server. */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + address + ":" + port + "/" + database;
    }

    private boolean ready() {
        try {
            Process p = new ProcessBuilder(bin.resolve("pg_isready").toString(), "-q", "-h", address, "-p", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void psql(String sql) {
        try {
            Process p = new ProcessBuilder(bin.resolve("psql").toString(), "-v", "ON_ERROR_STOP=1", "-q", "-h", address, "-p", Integer.toString(port),
                "-U", "postgres", "-d", "postgres", "-c", sql).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("psql failed on " + sql + ": " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> asPostgres(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> c = new ArrayList<>(List.of(Tools.require("runuser", "util-linux"), "-u", "postgres", "--"));
        c.addAll(command);
        return c;
    }

    private static void run(Path dir, boolean root, List<String> command, String log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(asPostgres(root, command)).directory(dir.toFile()).redirectErrorStream(true)
            .redirectOutput(dir.resolve(log).toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " failed; see " + dir.resolve(log));
        }
    }

    @Override
    public void close() {
        // A fast shutdown (clients disconnected, no waiting for them); the process is stopped in any case.
        try {
            Process p = new ProcessBuilder(asPostgres("root".equals(System.getProperty("user.name")),
                List.of(bin.resolve("pg_ctl").toString(), "stop", "-D", data.toString(), "-m", "fast", "-w", "-t", "30")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(40, TimeUnit.SECONDS);
        } catch (IOException e) {
            // the process is stopped below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.close();
    }
}
