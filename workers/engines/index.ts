/**
 * The book's numerical engines: pure TypeScript, no DOM, no React, no comlink. Runs in Node and in a worker.
 * Long computations are `Chunked<T>` generators (see chunked.ts).
 */
export * from './chunked';
export * from './random';
export * from './normal';
export * from './stats';
export * from './sde';
export * as linalg from './linalg';
export * from './lqr';
export * from './merton';
export * from './ou';
export * from './sde2d';
export * from './convergence';
export * from './feynmanKac';
export * from './valueFit';
export * from './policyIteration';
export * from './markovChain';
export * from './mdp';
export * from './diffusion/schedule';
export * from './diffusion/gmm';
export * from './diffusion/samplers';
export * from './diffusion/control';
export * from './diffusion/metrics';
export * from './diffusion/dsm';
export * from './nn/mlp';
export * from './nn/adam';
export * from './nn/mlpValue';
export * from './learning/qlearningCT';
export * from './learning/qlearningErgodic';
export * from './learning/qlearning';
export * from './learning/compare';
export * from './mertonAnalysis';
export * from './brownian';
export * from './gbm';
export * from './hjbLimit';
export * from './hjbResidual';
export * from './exitTimeVi';
