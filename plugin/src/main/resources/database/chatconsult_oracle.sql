-- ChatConsult schema for oracle, version 1 (Openfire runs it once; upgrades go in upgrade/N/).
CREATE TABLE ccAgent (
  address        VARCHAR2(255) NOT NULL,
  readiness      VARCHAR2(16) NOT NULL,
  capacity       INTEGER NOT NULL,
  lastSession    VARCHAR2(1024),
  CONSTRAINT ccAgent_pk PRIMARY KEY (address)
);

CREATE TABLE ccInteraction (
  id             VARCHAR2(64) NOT NULL,
  routingPoint   VARCHAR2(255) NOT NULL,
  contact        VARCHAR2(1024) NOT NULL,
  contactName    VARCHAR2(255),
  firstMessage   CLOB,
  started        NUMBER(19) NOT NULL,
  state          VARCHAR2(16) NOT NULL,
  owner          VARCHAR2(255),
  participants   CLOB,
  offerId        VARCHAR2(64),
  offerAgent     VARCHAR2(255),
  offerExpires   NUMBER(19),
  ended          NUMBER(19),
  endReason      VARCHAR2(32),
  doneBy         VARCHAR2(255),
  doneCode       VARCHAR2(64),
  doneNote       CLOB,
  doneAt         NUMBER(19),
  CONSTRAINT ccInteraction_pk PRIMARY KEY (id)
);
CREATE INDEX ccInteraction_ended_idx ON ccInteraction (ended);

CREATE TABLE ccConsultation (
  id             VARCHAR2(64) NOT NULL,
  interactionId  VARCHAR2(64) NOT NULL,
  initiator      VARCHAR2(255) NOT NULL,
  requestedTarget VARCHAR2(255) NOT NULL,
  candidates     CLOB,
  started        NUMBER(19) NOT NULL,
  state          VARCHAR2(16) NOT NULL,
  target         VARCHAR2(255),
  offers         CLOB,
  ended          NUMBER(19),
  endReason      VARCHAR2(32),
  CONSTRAINT ccConsultation_pk PRIMARY KEY (id)
);
CREATE INDEX ccConsultation_ia_idx ON ccConsultation (interactionId);

CREATE TABLE ccMessage (
  roomId         VARCHAR2(64) NOT NULL,
  seq            NUMBER(19) NOT NULL,
  interactionId  VARCHAR2(64) NOT NULL,
  sentAt         NUMBER(19) NOT NULL,
  sender         VARCHAR2(255),
  senderRole     VARCHAR2(16),
  body           CLOB,
  stanzaId       VARCHAR2(255),
  CONSTRAINT ccMessage_pk PRIMARY KEY (roomId, seq)
);
CREATE INDEX ccMessage_ia_idx ON ccMessage (interactionId, sentAt);

CREATE TABLE ccEvent (
  interactionId  VARCHAR2(64) NOT NULL,
  seq            NUMBER(19) NOT NULL,
  happenedAt     NUMBER(19) NOT NULL,
  kind           VARCHAR2(32) NOT NULL,
  actor          VARCHAR2(255),
  detail         VARCHAR2(1024),
  CONSTRAINT ccEvent_pk PRIMARY KEY (interactionId, seq)
);

INSERT INTO ofVersion (name, version) VALUES ('chatconsult', 1);
