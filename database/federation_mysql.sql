-- Federation plugin tables (mysql)
CREATE TABLE ofFedPolicyException (
  pattern     VARCHAR(255)  NOT NULL,
  direction   VARCHAR(16)   NOT NULL,
  createdAt   BIGINT       NOT NULL,
  changedAt   BIGINT       NOT NULL,
  CONSTRAINT ofFedPolicyException_pk PRIMARY KEY (pattern)
);

INSERT INTO ofVersion (name, version) VALUES ('federation', 1);
