/** The OU process of the `ou` benchmark: dX = (a X + b) dt + s dW on [0, T] (theta = 1, mu = 0.5, sigma = 0.3). */
export const OU = { a: -1, b: 0.5, s: 0.3, x0: 1, T: 1 } as const;
