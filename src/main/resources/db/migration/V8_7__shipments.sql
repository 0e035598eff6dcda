-- Genealogy: who has each shipped unit. A unit shipped again after a return keeps its earlier shipments; the
-- latest is its holder.
CREATE TABLE gen_shipment (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lot_id         bigint       NOT NULL REFERENCES gen_lot (id),
    customer_name  varchar(200) NOT NULL,
    customer_email varchar(254),
    shipped_on     date         NOT NULL,
    reference      varchar(100)
);
CREATE INDEX gen_shipment_lot_idx ON gen_shipment (lot_id, shipped_on DESC, id DESC);
