-- ChatConsult schema for hsqldb, version 1 (Openfire runs it once; upgrades go in upgrade/N/).
-- Records that grow with every chat are CACHED tables: HSQLDB keeps a MEMORY table (its default) wholly in the heap.
CREATE TABLE ccAgent (
  address        VARCHAR(255) NOT NULL,
  readiness      VARCHAR(16) NOT NULL,
  capacity       INTEGER NOT NULL,
  lastSession    VARCHAR(1024),
  CONSTRAINT ccAgent_pk PRIMARY KEY (address)
);

CREATE CACHED TABLE ccInteraction (
  id             VARCHAR(64) NOT NULL,
  routingPoint   VARCHAR(255) NOT NULL,
  contact        VARCHAR(1024) NOT NULL,
  contactName    VARCHAR(255),
  firstMessage   LONGVARCHAR,
  started        BIGINT NOT NULL,
  state          VARCHAR(16) NOT NULL,
  owner          VARCHAR(255),
  participants   LONGVARCHAR,
  offerId        VARCHAR(64),
  offerAgent     VARCHAR(255),
  offerExpires   BIGINT,
  ended          BIGINT,
  endReason      VARCHAR(32),
  doneBy         VARCHAR(255),
  doneCode       VARCHAR(64),
  doneNote       LONGVARCHAR,
  doneAt         BIGINT,
  CONSTRAINT ccInteraction_pk PRIMARY KEY (id)
);
CREATE INDEX ccInteraction_ended_idx ON ccInteraction (ended);

CREATE CACHED TABLE ccConsultation (
  id             VARCHAR(64) NOT NULL,
  interactionId  VARCHAR(64) NOT NULL,
  initiator      VARCHAR(255) NOT NULL,
  requestedTarget VARCHAR(255) NOT NULL,
  candidates     LONGVARCHAR,
  started        BIGINT NOT NULL,
  state          VARCHAR(16) NOT NULL,
  target         VARCHAR(255),
  offers         LONGVARCHAR,
  ended          BIGINT,
  endReason      VARCHAR(32),
  CONSTRAINT ccConsultation_pk PRIMARY KEY (id)
);
CREATE INDEX ccConsultation_ia_idx ON ccConsultation (interactionId);

CREATE CACHED TABLE ccMessage (
  roomId         VARCHAR(64) NOT NULL,
  seq            BIGINT NOT NULL,
  interactionId  VARCHAR(64) NOT NULL,
  sentAt         BIGINT NOT NULL,
  sender         VARCHAR(255),
  senderRole     VARCHAR(16),
  body           LONGVARCHAR,
  stanzaId       VARCHAR(255),
  CONSTRAINT ccMessage_pk PRIMARY KEY (roomId, seq)
);
CREATE INDEX ccMessage_ia_idx ON ccMessage (interactionId, sentAt);

CREATE CACHED TABLE ccEvent (
  interactionId  VARCHAR(64) NOT NULL,
  seq            BIGINT NOT NULL,
  happenedAt     BIGINT NOT NULL,
  kind           VARCHAR(32) NOT NULL,
  actor          VARCHAR(255),
  detail         VARCHAR(1024),
  CONSTRAINT ccEvent_pk PRIMARY KEY (interactionId, seq)
);

INSERT INTO ofVersion (name, version) VALUES ('chatconsult', 1);
