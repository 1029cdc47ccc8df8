// RUN: accel-opt %s | FileCheck %s
// RUN: accel-opt %s --verify-roundtrip | FileCheck %s
// RUN: accel-opt %s --mlir-print-op-generic | accel-opt | FileCheck %s

// CHECK-LABEL: accel.arch @eyeriss_like {
// CHECK-NEXT:    accel.storage @DRAM {energy = #accel.energy<read = 512.0, fill = 512.0, update = 512.0, leak = 0.0>, technology = "dram", width = 64, word_bits = 8}
// CHECK-NEXT:    accel.storage @shared_glb {area = 15000.0, block_size = 8, depth = 16384, keep = ["Inputs", "Outputs"], read_bandwidth = 16, width = 64, word_bits = 8, write_bandwidth = 16}
// CHECK-NEXT:    accel.fanout @PE_column {x = 14}
// CHECK-NEXT:    accel.fanout @PE {y = 12}
// CHECK-NEXT:    accel.storage @weights_spad {bypass = ["Inputs", "Outputs"], depth = 192, energy = #accel.energy<read = 1.976602, fill = 1.881657, update = 1.881657>, keep = ["Weights"], technology = "regfile", width = 16, word_bits = 8}
// CHECK-NEXT:    accel.compute @mac {area = 332.25, energy = #accel.energy<compute = 0.207692>, word_bits = 8}
// CHECK-NEXT:  }
accel.arch @eyeriss_like {
  accel.storage @DRAM {technology = "dram", width = 64, word_bits = 8,
                       energy = #accel.energy<read = 512.0, fill = 512.0, update = 512.0, leak = 0.0>}
  accel.storage @shared_glb {depth = 16384, width = 64, word_bits = 8, block_size = 8,
                             read_bandwidth = 16, write_bandwidth = 16,
                             keep = ["Inputs", "Outputs"], area = 15000.0}
  accel.fanout @PE_column {x = 14}
  accel.fanout @PE {y = 12}
  accel.storage @weights_spad {technology = "regfile", depth = 192, width = 16, word_bits = 8,
                               keep = ["Weights"], bypass = ["Inputs", "Outputs"],
                               energy = #accel.energy<read = 1.976602, fill = 1.881657, update = 1.881657>}
  accel.compute @mac {word_bits = 8, energy = #accel.energy<compute = 0.207692>, area = 332.25}
}

// Every optional storage attribute.
// CHECK-LABEL: accel.arch @everything {
// CHECK-NEXT:    accel.storage @buffer {block_size = 4, cluster_size = 2, energy = #accel.energy<read = 2.0, fill = 1.5, update = 1.5, leak = 0.01, address_generation = 0.05>, entries = 4096, min_utilization = 0.25, multiple_buffering = 2.0, network = #accel.network<word_bits = 16, energy_per_hop = 0.5, router_energy = 0.1, wire_energy = 0.01, tile_width = 100.0>, network_drain_latency = 3, network_fill_latency = 2, read_bandwidth = 4.5, reduction_supported = false, shared_bandwidth = 8, technology = "sram", width = 128, word_bits = 16, write_bandwidth = 4}
// CHECK-NEXT:    accel.fanout @array {x = 4, y = 4}
// CHECK-NEXT:    accel.compute @pe {energy = #accel.energy<leak = 0.001, compute = 1.0>, word_bits = 16}
accel.arch @everything {
  accel.storage @buffer {technology = "sram", entries = 4096, word_bits = 16,
                         block_size = 4, cluster_size = 2, width = 128,
                         multiple_buffering = 2.0, min_utilization = 0.25,
                         read_bandwidth = 4.5, write_bandwidth = 4,
                         shared_bandwidth = 8, reduction_supported = false,
                         network_fill_latency = 2, network_drain_latency = 3,
                         network = #accel.network<word_bits = 16, energy_per_hop = 0.5,
                                    router_energy = 0.1, wire_energy = 0.01,
                                    tile_width = 100>,
                         energy = #accel.energy<read = 2.0, fill = 1.5, update = 1.5,
                                   leak = 0.01, address_generation = 0.05>}
  accel.fanout @array {x = 4, y = 4}
  accel.compute @pe {word_bits = 16, energy = #accel.energy<compute = 1.0, leak = 0.001>}
}

// Mapper constraints: factor bounds as typed terms (any order of terms, a
// lower and an upper bound on one dimension), loop orders, spatial dims.
// CHECK-LABEL: accel.arch @constrained {
// CHECK-NEXT:    accel.storage @DRAM {factors = #accel.factors<N = 1, C max 4, M min 2, M max 64, R = all>, outer_loops = ["N"]}
// CHECK-NEXT:    accel.fanout @PE {factors = #accel.factors<"my dim" = 2>, x = 4, x_dims = ["C"]}
accel.arch @constrained {
  accel.storage @DRAM {factors = #accel.factors<N = 1, C max 4, M min 2, M max 64, R = all>,
                       outer_loops = ["N"]}
  accel.fanout @PE {x = 4, x_dims = ["C"], factors = #accel.factors<"my dim" = 2>}
  accel.compute @mac {}
}
