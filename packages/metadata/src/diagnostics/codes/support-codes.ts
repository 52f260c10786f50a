/**
 * Codes for metadata the schemas accept but this version of the engine does not run: field types
 * it cannot store, keys it would ignore, a uniqueness scope it has nothing to scope by, permission
 * set keys the access layer does not enforce, sharing rules. DESIGN.md
 * §3: a declared feature the engine does not implement is a validation error, never ignored at
 * run time. Also the codes for declared renames (`renamedFrom`), which `objectos plan` relies on.
 */
import { defineCodes } from '../diagnostic-spec.js'

const notSupported = 'is not supported by this version of ObjectOS'

export const supportCodes = defineCodes({
  OOS_SUPPORT_FIELD_TYPE: {
    severity: 'error',
    summary:
      'A field has a type the spec defines but this version of ObjectOS cannot store yet (`password`, `secret`, `user`, `tree`, file and media types, `composite`, `repeater`, `record`, `location`, `address`, `signature`, `qrcode`, `progress`, `slider`, `vector`). The hint lists the supported types; see docs/reference/engine-support.md.',
    message: (type: string, field: string) =>
      `field type "${type}" ${notSupported} (field "${field}")`,
  },
  OOS_SUPPORT_FIELD_KEY: {
    severity: 'error',
    summary:
      "A field sets a key the spec allows but the engine does not honour and the generated UI does not read (e.g. `multiple`, `visibleWhen`, `requiredWhen`, `externalId`, `lookupFilters`, `maskingRule`, package-lock keys, `summaryOperations.filter`, an option's `visibleWhen`, `currencyConfig.currencyMode: dynamic`, a stored formula reading `now()`, `today()` or the current user), so it would be accepted and do nothing. `false` and empty values declare nothing and are accepted.",
    message: (key: string, field: string) => `"${key}" on field "${field}" ${notSupported}`,
  },
  OOS_SUPPORT_OBJECT_KEY: {
    severity: 'error',
    summary:
      'An object sets a top-level key the spec allows but the engine does not honour (e.g. `externalSharingModel`, `publicSharing`, `tenancy`, `datasource`, `actions`, `enable`, `lifecycle`, package-lock keys), so it would be accepted and do nothing; or `sharingModel: controlled_by_parent` (records do not inherit access from a master record yet; `private`, `public_read` and `public_read_write` are enforced).',
    message: (key: string, object: string) => `"${key}" on object "${object}" ${notSupported}`,
  },
  OOS_SUPPORT_INDEX_KEY: {
    severity: 'error',
    summary:
      'An index entry sets a key other than `name`, `fields` and `unique`; the engine creates plain (or unique) indexes over the listed fields only.',
    message: (key: string, index: string) => `"${key}" on index ${index} ${notSupported}`,
  },
  OOS_SUPPORT_VALIDATION_KEY: {
    severity: 'error',
    summary:
      'A validation rule sets a package-lock or provenance key (`_lock`, `_lockReason`, `_lockSource`, `_lockDocsUrl`, `_packageId`, `_packageVersion`, `_provenance`; ObjectOS installs no ObjectStack packages, so nothing would read it), or a `severity` of `warning` or `info` (only errors are enforced; a warning would be shown nowhere yet).',
    message: (key: string, rule: string) => `"${key}" on validation rule "${rule}" ${notSupported}`,
  },
  OOS_SUPPORT_UNIQUE_SCOPE: {
    severity: 'error',
    summary:
      "A field's or index's `unique` is `organization`. ObjectOS has no organizations yet, so there is nothing to scope the uniqueness by: write `unique: true` or `unique: global` (both mean one holder in the whole table).",
    message: (scope: string, where: string) =>
      `unique scope "${scope}" on ${where} ${notSupported}`,
  },
  OOS_SUPPORT_PERMISSION_KEY: {
    severity: 'error',
    summary:
      'A permission set declares something the access layer does not enforce, so it would grant or limit nothing: a top-level key other than `name`, `label`, `description`, `objects`, `fields`, `isDefault` and `rowLevelSecurity` (`systemPermissions`, `tabPermissions`, `adminScope`, `protection`, `packageId`, `managedBy`, package-lock keys); a row-level policy key other than `name`, `label`, `description`, `object`, `operation`, `using`, `check`, `positions`, `enabled` and `tags`; a row-level policy for `select`, `update` or `delete` (or `all` without a `check`) that has no `using`, so it would narrow nothing; `allowExport` on an object (there is no export operation yet); `readScope` or `writeScope` of `unit` or `unit_and_below` (ObjectOS has no business units); or the wildcard object `*`. `false` and empty values declare nothing and are accepted.',
    message: (key: string, where: string) => `"${key}" on ${where} ${notSupported}`,
  },
  OOS_SUPPORT_SHARING_RULE: {
    severity: 'error',
    summary:
      'A sharing rule shares with a recipient ObjectOS cannot resolve — a `team`, a `business_unit` or `unit_and_subordinates` (ObjectOS has no teams or business units) — or with a `field` that does not look up `sys_user`, or it sets a package-lock key. It would share nothing: share with a `user` (id or email), a `position`, or a user lookup field.',
    message: (what: string, rule: string) => `${what} on sharing rule "${rule}" ${notSupported}`,
  },
  OOS_SUPPORT_POSITION_KEY: {
    severity: 'error',
    summary:
      'A position declares something the access layer does not act on: `delegatable: true` (delegated administration is not built), `protection`, or a package-lock key. Positions hold `name`, `label`, `description` and `permissionSets`.',
    message: (key: string, position: string) =>
      `"${key}" on position "${position}" ${notSupported}`,
  },
  OOS_SUPPORT_SUMMARY_RELATION: {
    severity: 'error',
    summary:
      "A summary field without `relationshipField` rolls up a child object that has no `lookup` or `master_detail` field back to the summary's object (nothing links the children to their parent), or several of them (the engine cannot tell which one to follow: name it with `relationshipField`).",
    message: (field: string, child: string, problem: string) =>
      `summary field "${field}" rolls up "${child}", which ${problem}`,
  },
  OOS_NAME_RENAMED_FROM_EXISTS: {
    severity: 'error',
    summary:
      '`renamedFrom` names a field of the same object, or an object of the same app, that still exists (or the field or object itself). Both would exist after the rename, so `objectos plan` could not move the old column or table onto the new name.',
    message: (what: string, name: string, from: string) =>
      `${what} "${name}" is renamed from "${from}", but "${from}" still exists`,
  },
  OOS_NAME_RENAMED_FROM_DUPLICATE: {
    severity: 'error',
    summary:
      'Two fields of one object, or two objects of one app, declare the same `renamedFrom`; one old column or table cannot become two.',
    message: (what: string, from: string, first: string) =>
      `${what} "${from}" is already renamed to "${first}"`,
  },
})
