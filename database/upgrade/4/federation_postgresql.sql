-- Copyright 2026 The federation plugin team. Licensed under the Apache License, Version 2.0 (see LICENSE).
-- Federation plugin 1.3.0 (postgresql)
-- Peer clusters: other deployments of the plugin whose settings the troubleshooter compares (secret stored encrypted)
CREATE TABLE ofFedPeer (
  peerId       BIGINT       NOT NULL,
  peerName     VARCHAR(100)  NOT NULL,
  baseUrl      VARCHAR(1000) NOT NULL,
  secret       VARCHAR(1000) NOT NULL,
  createdAt    BIGINT       NOT NULL,
  changedAt    BIGINT       NOT NULL,
  CONSTRAINT ofFedPeer_pk PRIMARY KEY (peerId),
  CONSTRAINT ofFedPeer_name UNIQUE (peerName)
);

UPDATE ofVersion SET version = 4 WHERE name = 'federation';
