package com.tracecase.genealogy.internal;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Creates {@code gen_unit_ancestor} (see {@link UnitAncestors}) and fills it for the
 * genealogy there is, as every later write does. A Java migration so the statements are
 * the ones in {@link GenealogyGraph}, not a copy.
 */
@Component
class V7_1__UnitAncestors extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute("""
					CREATE TABLE gen_unit_ancestor (
					    ancestor_lot_id bigint NOT NULL,
					    unit_part_id    bigint NOT NULL,
					    unit_lot_id     bigint NOT NULL,
					    PRIMARY KEY (ancestor_lot_id, unit_part_id, unit_lot_id)
					)""");
			statement.execute("CREATE INDEX gen_unit_ancestor_unit_idx ON gen_unit_ancestor (unit_lot_id)");
		}
		new UnitAncestors(new SingleConnectionDataSource(context.getConnection(), true)).refreshAll();
	}

}
