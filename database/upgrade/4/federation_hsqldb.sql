-- Copyright 2026 The federation plugin team. Licensed under the Apache License, Version 2.0 (see LICENSE).
-- Federation plugin 1.3.0 (hsqldb)
-- Static routes: federated domain -> target host and port, several per domain
CREATE TABLE ofFedStaticRoute (
  routeDomain  VARCHAR(255)  NOT NULL,
  targetHost   VARCHAR(255)  NOT NULL,
  targetPort   INTEGER       NOT NULL,
  createdAt    BIGINT       NOT NULL,
  CONSTRAINT ofFedStaticRoute_pk PRIMARY KEY (routeDomain, targetHost, targetPort)
);

-- Chat node aliases (1.3.0): an extra domain under which a local group chat service is reached by federated partners
CREATE TABLE ofFedChatAlias (
  aliasDomain   VARCHAR(255)  NOT NULL,
  serviceDomain VARCHAR(255)  NOT NULL,
  createdAt     BIGINT       NOT NULL,
  CONSTRAINT ofFedChatAlias_pk PRIMARY KEY (aliasDomain)
);

-- Peer clusters: other deployments of the plugin whose settings the troubleshooter compares (secret stored encrypted);
-- acceptPushes 1 = this cluster accepts the peer's pushes of federation settings
CREATE TABLE ofFedPeer (
  peerId       BIGINT       NOT NULL,
  peerName     VARCHAR(100)  NOT NULL,
  baseUrl      VARCHAR(1000) NOT NULL,
  secret       VARCHAR(1000) NOT NULL,
  createdAt    BIGINT       NOT NULL,
  changedAt    BIGINT       NOT NULL,
  acceptPushes INTEGER DEFAULT 0 NOT NULL,
  CONSTRAINT ofFedPeer_pk PRIMARY KEY (peerId),
  CONSTRAINT ofFedPeer_name UNIQUE (peerName)
);

UPDATE ofVersion SET version = 4 WHERE name = 'federation';
