/** Table types for Kysely. Migrations use Kysely<any> so that later schema changes never break them. */
export interface InstallationTable {
  id: string;
  created_at: string;
  public_key_pem: string;
  private_key_pem: string;
}

export interface OfficeTable {
  id: number;
  name: string;
  parent_body: string;
  level: string;
  abbreviation: string;
  place_name: string;
  reports_to: string;
  updated_at: string;
}

export interface UnitTable {
  id: string;
  name: string;
  name_folded: string;
  abbreviation: string;
  abbreviation_folded: string;
  kind: string;
  parent_id: string | null;
  sort_order: number;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface UnitAliasTable {
  unit_id: string;
  alias: string;
  alias_folded: string;
  position: number;
}

export interface UnitGroupTable {
  id: string;
  name: string;
  name_folded: string;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface UnitGroupMemberTable {
  group_id: string;
  unit_id: string;
}

export interface Database {
  installation: InstallationTable;
  office: OfficeTable;
  unit: UnitTable;
  unit_alias: UnitAliasTable;
  unit_group: UnitGroupTable;
  unit_group_member: UnitGroupMemberTable;
}
