package org.hospital.continuity.server.probe.domain;

/**
 * How a probe checks an HIS component: an HTTP(S) endpoint answering 2xx/3xx, a TCP port accepting a
 * connection, a SQL query ({@code select 1} or the given query) over the PostgreSQL wire protocol, or an
 * ICMP ping of a key terminal (falls back to a TCP echo where ICMP is not allowed).
 */
public enum ProbeKind { HTTP, TCP, SQL, PING }
