#include "export/palette.h"

#include <cstdio>

namespace newsgraph::exporter {

Rgb type_color(EntityType type) {
  switch (type) {
    case EntityType::kPerson: return {31, 119, 180};
    case EntityType::kCountry: return {214, 39, 40};
    case EntityType::kOrganization: return {44, 160, 44};
    case EntityType::kLocation: return {255, 127, 14};
    case EntityType::kEvent: return {148, 103, 189};
    case EntityType::kTopic: return {127, 127, 127};
  }
  return {127, 127, 127};
}

Rgb predicate_color(Predicate predicate) {
  if (predicate == Predicate::kCoOccurs) return {200, 200, 200};
  switch (quad_of(predicate)) {
    case Quad::kVerbalCooperation: return {116, 196, 118};
    case Quad::kMaterialCooperation: return {35, 139, 69};
    case Quad::kVerbalConflict: return {251, 106, 74};
    case Quad::kMaterialConflict: return {203, 24, 29};
    case Quad::kNone: break;
  }
  return {107, 110, 207};  // static relations: LEADS, MEMBER_OF, FAMILY
}

std::string hex(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  return buf;
}

}  // namespace newsgraph::exporter
