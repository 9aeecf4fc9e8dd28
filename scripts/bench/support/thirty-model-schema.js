'use strict';
// The 30-model schema the API benchmarks share (gql-compile.js, api-push.js).

/** Ten groups of three related models: a parent with hasMany, a child with belongsTo, @index and @default, a tag type. */
function thirtyModelSchema() {
  const parts = [];
  for (let group = 0; group < 10; group++) {
    parts.push(`
type Shop${group} @model @auth(rules: [{ allow: owner }, { allow: public, operations: [read] }]) {
  id: ID!
  name: String!
  items: [Item${group}] @hasMany
  label: Label${group} @hasOne
}
type Item${group} @model @auth(rules: [{ allow: owner }, { allow: groups, groups: ["Admin"] }, { allow: public, operations: [read] }]) {
  sku: ID! @primaryKey(sortKeyFields: ["region"])
  region: String!
  category: String @index(name: "byCategory${group}", sortKeyFields: ["price", "region"])
  price: Int @default(value: "1")
  shop: Shop${group} @belongsTo
  secret: String @auth(rules: [{ allow: owner }])
}
type Label${group} @model @auth(rules: [{ allow: private }, { allow: public, operations: [read] }]) {
  id: ID!
  text: String @index(name: "byText${group}", queryField: "labelsByText${group}")
}`);
  }
  return parts.join('\n');
}

module.exports = { thirtyModelSchema };
