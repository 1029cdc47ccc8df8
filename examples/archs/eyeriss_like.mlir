// An Eyeriss-like row-stationary accelerator (after Timeloop's
// eyeriss_like example design, MIT licence): a DRAM, a 128 KiB global
// buffer, a 14 x 12 array of PEs with per-PE scratchpads for inputs,
// weights and partial sums.
accel.arch @eyeriss_like {
  accel.storage @DRAM {technology = "dram", width = 64, word_bits = 8,
                       energy = {read = 512.0, write = 512.0, update = 512.0, leak = 0.0}}
  accel.storage @shared_glb {depth = 16384, width = 64, word_bits = 8,
                             read_bandwidth = 16, write_bandwidth = 16,
                             keep = ["Inputs", "Outputs"], bypass = ["Weights"],
                             energy = {read = 18.183829, write = 14.137929,
                                       update = 14.137929, leak = 0.005652}}
  accel.fanout @inter_PE_column_spatial {x = 14}
  accel.fanout @inter_PE_spatial {y = 12}
  accel.storage @ifmap_spad {technology = "regfile", depth = 12, width = 16, word_bits = 8,
                             read_bandwidth = 2, write_bandwidth = 2,
                             keep = ["Inputs"], bypass = ["Weights", "Outputs"],
                             energy = {read = 0.202442, write = 0.176713,
                                       update = 0.176713, leak = 0.000101}}
  accel.storage @weights_spad {technology = "regfile", depth = 192, width = 16, word_bits = 8,
                               read_bandwidth = 2, write_bandwidth = 2,
                               keep = ["Weights"], bypass = ["Inputs", "Outputs"],
                               energy = {read = 1.976602, write = 1.881657,
                                         update = 1.881657, leak = 0.001592}}
  accel.storage @psum_spad {technology = "regfile", depth = 16, width = 16, word_bits = 16,
                            read_bandwidth = 2, write_bandwidth = 2,
                            keep = ["Outputs"], bypass = ["Weights", "Inputs"],
                            energy = {read = 0.2513, write = 0.2191,
                                      update = 0.2191, leak = 0.000134}}
  accel.compute @mac {word_bits = 8, energy = {compute = 0.207692, leak = 0.002374}}
}
