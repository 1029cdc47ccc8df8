// A replayed schedule computes what the untiled ops compute. The ops of
// tile-execution-imperfect.mlir carry imperfect mappings (partial last
// passes: ViT's 197-token attention scores, a 1000-class classifier, a 7x7
// convolution); accel-emit-schedule writes their loop nests as a transform
// schedule, stock mlir-opt interprets it and drops it, and the tiled module
// run by mlir-runner prints exactly what the untiled module prints.
// RUN: accel-opt %S/tile-execution-imperfect.mlir --accel-strip --one-shot-bufferize="bufferize-function-boundaries" --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so,%mlir_lib_dir/libmlir_c_runner_utils.so | grep -v "base@" > %t.before
// RUN: accel-opt %S/tile-execution-imperfect.mlir --accel-emit-schedule > %t.scheduled.mlir
// RUN: mlir-opt %t.scheduled.mlir --transform-interpreter --test-transform-dialect-erase-schedule > %t.replayed.mlir
// RUN: FileCheck %s --check-prefix=REPLAYED < %t.replayed.mlir
// RUN: mlir-opt %t.replayed.mlir --one-shot-bufferize="bufferize-function-boundaries" --scf-forall-to-for --convert-linalg-to-loops --convert-scf-to-cf --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-cf-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_lib_dir/libmlir_runner_utils.so,%mlir_lib_dir/libmlir_c_runner_utils.so | grep -v "base@" > %t.after
// RUN: diff %t.before %t.after
// RUN: FileCheck %s < %t.after

// The replayed module is tiled (partial tiles through affine.min) and holds
// no schedule any more.
// REPLAYED-NOT: transform.named_sequence
// REPLAYED: scf.forall
// REPLAYED: affine.min
// REPLAYED-NOT: transform.named_sequence

// Hand-computed in tile-execution-imperfect.mlir.
// CHECK: {{^\[\[}}6495,   6075,
// CHECK: {{^\[\[}}13911,   -15783,
// CHECK-SAME: -532{{\]\]}}
