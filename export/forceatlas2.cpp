#include "export/forceatlas2.h"

#include <algorithm>
#include <cmath>

#include "core/joining_thread.h"

namespace newsgraph::exporter {
namespace {

using Point = std::pair<double, double>;

// A quadtree over the nodes for the Barnes-Hut approximation, rebuilt each iteration.
// Cells are kept in one vector; a cell that is split has its four children at
// `child` .. `child + 3`. A leaf holds the nodes order[begin, end).
class QuadTree {
 public:
  QuadTree(const std::vector<Point>& pos, const std::vector<double>& mass) : pos_(pos), mass_(mass) {}

  void build() {
    const size_t n = pos_.size();
    order_.resize(n);
    for (size_t i = 0; i < n; ++i) order_[i] = static_cast<uint32_t>(i);
    double x0 = pos_[0].first, y0 = pos_[0].second, x1 = x0, y1 = y0;
    for (const auto& [x, y] : pos_) {
      x0 = std::min(x0, x);
      x1 = std::max(x1, x);
      y0 = std::min(y0, y);
      y1 = std::max(y1, y);
    }
    const double side = std::max({x1 - x0, y1 - y0, 1e-9}) * 1.000001;
    cells_.clear();
    cells_.emplace_back();
    fill(0, 0, static_cast<uint32_t>(n), x0, y0, side, 0);
  }

  // The repulsion on node i: scaling * m_i * m_j / d^2 times the vector from j to i, for
  // every other node j, distant cells taken as one body.
  Point repulsion(uint32_t i, double scaling, double theta2) const {
    const double x = pos_[i].first, y = pos_[i].second, mi = mass_[i];
    double fx = 0, fy = 0;
    uint32_t stack[256];
    size_t top = 0;
    stack[top++] = 0;
    while (top > 0) {
      const Cell& c = cells_[stack[--top]];
      if (c.mass == 0) continue;
      if (c.child < 0) {
        for (uint32_t k = c.begin; k < c.end; ++k) {
          const uint32_t j = order_[k];
          if (j == i) continue;
          double dx = x - pos_[j].first, dy = y - pos_[j].second;
          double d2 = dx * dx + dy * dy;
          if (d2 < 1e-18) {  // the same point: part them along a direction set by the pair
            dx = (i < j ? 1e-6 : -1e-6);
            dy = 0;
            d2 = 1e-12;
          }
          const double f = scaling * mi * mass_[j] / d2;
          fx += dx * f;
          fy += dy * f;
        }
        continue;
      }
      const double dx = x - c.cx, dy = y - c.cy, d2 = dx * dx + dy * dy;
      const bool inside = x >= c.x0 && x < c.x0 + c.side && y >= c.y0 && y < c.y0 + c.side;
      if (!inside && c.side * c.side < theta2 * d2) {
        const double f = scaling * mi * c.mass / d2;
        fx += dx * f;
        fy += dy * f;
        continue;
      }
      if (top + 4 > sizeof(stack) / sizeof(stack[0])) continue;  // deeper than any real tree
      for (int q = 0; q < 4; ++q) stack[top++] = static_cast<uint32_t>(c.child + q);
    }
    return {fx, fy};
  }

 private:
  struct Cell {
    double x0 = 0, y0 = 0, side = 0;  // the square it covers
    double cx = 0, cy = 0, mass = 0;  // centre of mass and mass
    int32_t child = -1;               // first of four children; -1: a leaf
    uint32_t begin = 0, end = 0;      // a leaf's nodes in order_
  };
  static constexpr uint32_t kLeafNodes = 8;
  static constexpr int kMaxDepth = 40;

  void fill(size_t at, uint32_t begin, uint32_t end, double x0, double y0, double side, int depth) {
    double mass = 0, sx = 0, sy = 0;
    for (uint32_t k = begin; k < end; ++k) {
      const uint32_t v = order_[k];
      mass += mass_[v];
      sx += mass_[v] * pos_[v].first;
      sy += mass_[v] * pos_[v].second;
    }
    Cell& c = cells_[at];
    c.x0 = x0;
    c.y0 = y0;
    c.side = side;
    c.mass = mass;
    c.cx = mass > 0 ? sx / mass : x0;
    c.cy = mass > 0 ? sy / mass : y0;
    c.begin = begin;
    c.end = end;
    if (end - begin <= kLeafNodes || depth >= kMaxDepth) return;
    const double half = side / 2, mx = x0 + half, my = y0 + half;
    auto first = order_.begin();
    auto below = [&](uint32_t v) { return pos_[v].second < my; };
    auto left = [&](uint32_t v) { return pos_[v].first < mx; };
    const auto split_y = static_cast<uint32_t>(std::partition(first + begin, first + end, below) - first);
    const auto split_low = static_cast<uint32_t>(std::partition(first + begin, first + split_y, left) - first);
    const auto split_high = static_cast<uint32_t>(std::partition(first + split_y, first + end, left) - first);
    const auto child = static_cast<int32_t>(cells_.size());
    cells_[at].child = child;  // `c` may dangle once cells_ grows
    cells_.resize(cells_.size() + 4);
    fill(static_cast<size_t>(child), begin, split_low, x0, y0, half, depth + 1);
    fill(static_cast<size_t>(child) + 1, split_low, split_y, mx, y0, half, depth + 1);
    fill(static_cast<size_t>(child) + 2, split_y, split_high, x0, my, half, depth + 1);
    fill(static_cast<size_t>(child) + 3, split_high, end, mx, my, half, depth + 1);
  }

  const std::vector<Point>& pos_;
  const std::vector<double>& mass_;
  std::vector<uint32_t> order_;
  std::vector<Cell> cells_;
};

// The global speed of ForceAtlas2's adaptive scheme: it rises while the nodes move
// together (traction) and falls while they oscillate (swinging).
class Speed {
 public:
  explicit Speed(double jitter_tolerance) : jitter_tolerance_(jitter_tolerance) {}

  double next(double swinging, double traction, size_t n) {
    const double nodes = static_cast<double>(n);
    const double optimal = 0.05 * std::sqrt(nodes);
    const double lowest = std::sqrt(optimal), highest = 10;
    double jitter = jitter_tolerance_ * std::max(lowest, std::min(highest, optimal * traction / (nodes * nodes)));
    const double lowest_efficiency = 0.05;
    if (traction > 0 && swinging / traction > 2.0) {
      if (efficiency_ > lowest_efficiency) efficiency_ *= 0.5;
      jitter = std::max(jitter, jitter_tolerance_);
    }
    const double target = swinging > 0 ? jitter * efficiency_ * traction / swinging : speed_ * 2;
    if (swinging > jitter * traction) {
      if (efficiency_ > lowest_efficiency) efficiency_ *= 0.7;
    } else if (speed_ < 1000) {
      efficiency_ *= 1.3;
    }
    const double rise_at_most = 0.5;
    speed_ += std::min(target - speed_, rise_at_most * speed_);
    return speed_;
  }

 private:
  double jitter_tolerance_;
  double speed_ = 1;
  double efficiency_ = 1;
};

}  // namespace

void force_atlas2(std::vector<Point>& pos, const std::vector<WeightedEdge>& edges, const ForceAtlas2Settings& s) {
  const size_t n = pos.size();
  if (n < 2 || s.iterations <= 0) return;
  std::vector<double> mass(n, 1.0);
  for (const WeightedEdge& e : edges) {
    mass[e.a] += 1;
    mass[e.b] += 1;
  }
  std::vector<double> pull(edges.size());  // each edge's attraction coefficient
  for (size_t k = 0; k < edges.size(); ++k)
    pull[k] = s.edge_weight_influence == 0 ? 1.0
              : s.edge_weight_influence == 1 ? edges[k].weight
                                             : std::pow(edges[k].weight, s.edge_weight_influence);

  std::vector<Point> force(n), previous(n);
  QuadTree tree(pos, mass);
  Speed speed(s.jitter_tolerance);
  const double theta2 = s.theta * s.theta;
  auto repel = [&](uint32_t begin, uint32_t end) {
    for (uint32_t v = begin; v < end; ++v) {
      Point f = tree.repulsion(v, s.scaling, theta2);
      const double x = pos[v].first, y = pos[v].second, d = std::sqrt(x * x + y * y);
      if (d > 0) {  // gravity: k_g * mass toward the origin
        const double g = s.gravity * mass[v] / d;
        f.first -= x * g;
        f.second -= y * g;
      }
      force[v] = f;
    }
  };

  for (int it = 0; it < s.iterations; ++it) {
    tree.build();
    const auto nodes = static_cast<uint32_t>(n);
    if (n >= s.two_threads_from) {
      JoiningThread upper([&] { repel(nodes / 2, nodes); });
      repel(0, nodes / 2);
    } else {
      repel(0, nodes);
    }
    for (size_t k = 0; k < edges.size(); ++k) {
      const WeightedEdge& e = edges[k];
      const double dx = pos[e.a].first - pos[e.b].first, dy = pos[e.a].second - pos[e.b].second;
      double f = pull[k];
      if (s.lin_log) {
        const double d = std::sqrt(dx * dx + dy * dy);
        f = d > 0 ? f * std::log1p(d) / d : 0;
      }
      force[e.a].first -= dx * f;
      force[e.a].second -= dy * f;
      force[e.b].first += dx * f;
      force[e.b].second += dy * f;
    }
    double swinging = 0, traction = 0;
    for (size_t v = 0; v < n; ++v) {
      const double sx = force[v].first - previous[v].first, sy = force[v].second - previous[v].second;
      const double tx = force[v].first + previous[v].first, ty = force[v].second + previous[v].second;
      swinging += mass[v] * std::sqrt(sx * sx + sy * sy);
      traction += mass[v] * 0.5 * std::sqrt(tx * tx + ty * ty);
    }
    const double global = speed.next(swinging, traction, n);
    for (size_t v = 0; v < n; ++v) {
      const double sx = force[v].first - previous[v].first, sy = force[v].second - previous[v].second;
      const double node_swing = mass[v] * std::sqrt(sx * sx + sy * sy);
      const double factor = global / (1 + std::sqrt(global * node_swing));
      pos[v].first += force[v].first * factor;
      pos[v].second += force[v].second * factor;
      previous[v] = force[v];
    }
  }
}

}  // namespace newsgraph::exporter
