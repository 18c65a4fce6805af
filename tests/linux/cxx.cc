/* cxx.cc - a C++ guest program for tests/linux/run-guests.sh: containers,
 * std::sort, iostream, libm and a thrown exception (the unwinder reads the
 * CET shadow stack pointer with RDSSPQ, a NOP without CET). Build: g++ -O2
 * -static. */
#include <iostream>
#include <vector>
#include <algorithm>
#include <string>
#include <map>
#include <stdexcept>
#include <cmath>
int main() {
  std::vector<int> v; for (int i = 0; i < 1000; i++) v.push_back((i * 7919) % 1009);
  std::sort(v.begin(), v.end());
  std::map<std::string, int> m; for (int i = 0; i < 100; i++) m[std::to_string(i * i)] = i;
  try { throw std::runtime_error("boom"); } catch (const std::exception &e) { std::cout << "caught " << e.what() << "\n"; }
  std::cout << v[500] << " " << m.size() << " " << std::sqrt(2.0) << " " << std::pow(1.5, 7.3) << std::endl;
  return 0;
}
