// RUN: accel-opt --accel-estimate=timeloop-compat %s | FileCheck %s
// RUN: accel-opt --accel-estimate %s | FileCheck %s --check-prefix=EXACT

// Timeloop's eyeriss_like example design with the mapping its mapper found
// for the default problem, written by hand as a linalg convolution. The
// expected numbers are Timeloop's (designs/eyeriss_like/ref/
// timeloop-mapper.stats.txt): 10838016 MACs in 86016 cycles at 75%
// utilization, 59.28 uJ (5469.65 fJ/MAC), of which DRAM 3380.86 fJ/MAC
// (36.64 uJ), shared_glb 375.27 (4.07 uJ), ifmap_spad 112.37 (1.22 uJ),
// weights_spad 1006.69 (10.91 uJ), psum_spad 386.77 (4.19 uJ), mac 207.69
// (2.25 uJ). Counting exactly, as Timeloop does since its January 2025
// reuse-filter fix (test/Inputs/timeloop-master-2025): 59.23 uJ (5465.42
// fJ/MAC), DRAM 3376.75 fJ/MAC (36.60 uJ), shared_glb 375.16 (4.07 uJ).

accel.arch @eyeriss_like {
  accel.storage @DRAM {technology = "dram", width = 64, word_bits = 8,
                       energy = #accel.energy<read = 512.0, fill = 512.0, update = 512.0, leak = 0.0>}
  accel.storage @shared_glb {depth = 16384, width = 64, word_bits = 8,
                             read_bandwidth = 16, write_bandwidth = 16,
                             energy = #accel.energy<read = 18.183829, fill = 14.137929,
                                       update = 14.137929, leak = 0.005652>}
  accel.fanout @inter_PE_column_spatial {x = 14}
  accel.fanout @inter_PE_spatial {y = 12}
  accel.storage @ifmap_spad {depth = 12, width = 16, word_bits = 8,
                             read_bandwidth = 2, write_bandwidth = 2,
                             energy = #accel.energy<read = 0.202442, fill = 0.176713,
                                       update = 0.176713, leak = 0.000101>}
  accel.storage @weights_spad {depth = 192, width = 16, word_bits = 8,
                               read_bandwidth = 2, write_bandwidth = 2,
                               energy = #accel.energy<read = 1.976602, fill = 1.881657,
                                         update = 1.881657, leak = 0.001592>}
  accel.storage @psum_spad {depth = 16, width = 16, word_bits = 16,
                            read_bandwidth = 2, write_bandwidth = 2,
                            energy = #accel.energy<read = 0.2513, fill = 0.2191,
                                      update = 0.2191, leak = 0.000134>}
  accel.compute @mac {energy = #accel.energy<compute = 0.207692>}
}

// CHECK-LABEL: func.func @conv
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK-SAME: accel.cost = #accel.cost<energy_pj = 5928{{[0-9]{4}\.[0-9]+}}, cycles = 86016, utilization = 0.75, macs = 10838016, levels = ["DRAM": 3664{{[0-9]{4}\.[0-9]+}}, "shared_glb": 4067{{[0-9]{3}\.[0-9]+}}, "ifmap_spad": 1217{{[0-9]{3}\.[0-9]+}}, "weights_spad": 1091{{[0-9]{4}\.[0-9]+}}, "psum_spad": 4191{{[0-9]{3}\.[0-9]+}}, "mac": 2250{{[0-9]{3}\.[0-9]+}}]>
// EXACT: accel.cost = #accel.cost<energy_pj = 5923{{[0-9]{4}\.[0-9]+}}, cycles = 86016, utilization = 0.75, macs = 10838016, levels = ["DRAM": 3659{{[0-9]{4}\.[0-9]+}}, "shared_glb": 4065{{[0-9]{3}\.[0-9]+}}, "ifmap_spad": 1217{{[0-9]{3}\.[0-9]+}}, "weights_spad": 1091{{[0-9]{4}\.[0-9]+}}, "psum_spad": 4191{{[0-9]{3}\.[0-9]+}}, "mac": 2250{{[0-9]{3}\.[0-9]+}}]>
func.func @conv(%in: tensor<1x3x225x225xf32>, %w: tensor<32x3x3x3xf32>,
                %out: tensor<1x32x112x112xf32>) -> tensor<1x32x112x112xf32> {
  %0 = linalg.conv_2d_nchw_fchw {
      accel.mapping = #accel.mapping<@eyeriss_like, [
        "DRAM": temporal [P 8, Q 2, M 4],
        "shared_glb": temporal [P 14, Q 4] keep [I, O],
        "inter_PE_column_spatial": spatial x [Q 14],
        "inter_PE_spatial": spatial y [C 3, S 3],
        "ifmap_spad": keep [I],
        "weights_spad": temporal [R 3] keep [W],
        "psum_spad": temporal [M 8] keep [O]]>,
      dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
      ins(%in, %w : tensor<1x3x225x225xf32>, tensor<32x3x3x3xf32>)
      outs(%out : tensor<1x32x112x112xf32>) -> tensor<1x32x112x112xf32>
  return %0 : tensor<1x32x112x112xf32>
}
