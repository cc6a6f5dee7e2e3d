/**
 * The bibliography: one entry per work, used by <Cite id="..."> popovers and the per-chapter reference lists.
 * `note` says in a sentence what the book takes from the work.
 */
export interface BibEntry {
  id: string;
  authors: string;
  year: number;
  title: string;
  venue: string;
  url?: string;
  note?: string;
  /** How citations name the authors when the last word of each name is not the surname (e.g. "López Montero"). */
  short?: string;
}

const SUFFIX = /^(Jr\.?|Sr\.?|II|III|IV)$/;

/** The authors as a citation names them: "Bellman", "Fleming & Soner", "Song et al."; `short` wins when set. */
export function citeAuthors(e: Pick<BibEntry, 'authors' | 'short'>): string {
  if (e.short) return e.short;
  const names = e.authors
    .replace(/\s*\(eds?\.\)\s*$/, '')
    .split(/,\s*|\s+and\s+/)
    .map((n) =>
      n
        .trim()
        .split(/\s+/)
        .filter((w) => !SUFFIX.test(w)),
    )
    .filter((words) => words.length > 0)
    .map((words) => words[words.length - 1]);
  if (names.length === 1) return names[0];
  if (names.length === 2) return `${names[0]} & ${names[1]}`;
  return `${names[0]} et al.`;
}

/**
 * The year as cited: "2021", or "2021a", "2021b" … when two entries would otherwise print the same name and year
 * (Song et al. 2021 twice, Jia & Zhou 2022 twice). Letters follow the titles' alphabetical order.
 */
export function citeYears(entries: ReadonlyArray<Pick<BibEntry, 'id' | 'authors' | 'short' | 'year' | 'title'>>): Map<string, string> {
  const groups = new Map<string, (typeof entries)[number][]>();
  for (const e of entries) {
    const key = `${citeAuthors(e)} ${e.year}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const out = new Map<string, string>();
  for (const group of groups.values()) {
    const sorted = [...group].sort((a, b) => a.title.localeCompare(b.title));
    sorted.forEach((e, i) => out.set(e.id, group.length > 1 ? `${e.year}${String.fromCharCode(97 + i)}` : String(e.year)));
  }
  return out;
}

export const bibliography: BibEntry[] = [
  {
    id: 'bellman1952',
    authors: 'R. Bellman',
    year: 1952,
    title: 'On the theory of dynamic programming',
    venue: 'Proceedings of the National Academy of Sciences 38(8), 716–719',
    url: 'https://doi.org/10.1073/pnas.38.8.716',
    note: 'The principle of optimality and the functional equation that now bears his name.',
  },
  {
    id: 'bellman1957',
    authors: 'R. Bellman',
    year: 1957,
    title: 'Dynamic Programming',
    venue: 'Princeton University Press',
    note: 'The book-length treatment of dynamic programming.',
  },
  {
    id: 'kalman1960',
    authors: 'R. E. Kalman',
    year: 1960,
    title: 'Contributions to the theory of optimal control',
    venue: 'Boletín de la Sociedad Matemática Mexicana 5, 102–119',
    note: 'The linear–quadratic regulator and the Riccati equation.',
  },
  {
    id: 'kleinman1968',
    authors: 'D. L. Kleinman',
    year: 1968,
    title: 'On an iterative technique for Riccati equation computations',
    venue: 'IEEE Transactions on Automatic Control 13(1), 114–115',
    url: 'https://doi.org/10.1109/TAC.1968.1098829',
    note: 'Policy iteration for the LQR: Newton’s method on the Riccati equation.',
  },
  {
    id: 'merton1969',
    authors: 'R. C. Merton',
    year: 1969,
    title: 'Lifetime portfolio selection under uncertainty: the continuous-time case',
    venue: 'The Review of Economics and Statistics 51(3), 247–257',
    url: 'https://doi.org/10.2307/1926560',
  },
  {
    id: 'merton1971',
    authors: 'R. C. Merton',
    year: 1971,
    title: 'Optimum consumption and portfolio rules in a continuous-time model',
    venue: 'Journal of Economic Theory 3(4), 373–413',
    url: 'https://doi.org/10.1016/0022-0531(71)90038-X',
  },
  {
    id: 'flemingsoner2006',
    authors: 'W. H. Fleming and H. M. Soner',
    year: 2006,
    title: 'Controlled Markov Processes and Viscosity Solutions',
    venue: 'Springer, 2nd edition',
    note: 'The reference for the HJB equation, verification theorems and viscosity solutions.',
  },
  {
    id: 'oksendal2003',
    authors: 'B. Øksendal',
    year: 2003,
    title: 'Stochastic Differential Equations: An Introduction with Applications',
    venue: 'Springer, 6th edition',
    note: 'Itô calculus, the generator, Feynman–Kac and the Ornstein–Uhlenbeck process.',
  },
  {
    id: 'kloedenplaten1992',
    authors: 'P. E. Kloeden and E. Platen',
    year: 1992,
    title: 'Numerical Solution of Stochastic Differential Equations',
    venue: 'Springer',
    note: 'Euler–Maruyama and Milstein schemes and their strong and weak orders.',
  },
  {
    id: 'kushnerdupuis2001',
    authors: 'H. J. Kushner and P. Dupuis',
    year: 2001,
    title: 'Numerical Methods for Stochastic Control Problems in Continuous Time',
    venue: 'Springer, 2nd edition',
    note: 'The Markov-chain approximation of controlled diffusions.',
  },
  {
    id: 'jiazhou2022',
    authors: 'Y. Jia and X. Y. Zhou',
    year: 2022,
    title: 'Policy evaluation and temporal-difference learning in continuous time and space: a martingale approach',
    venue: 'Journal of Machine Learning Research 23(154), 1–55',
  },
  {
    id: 'jiazhou2023',
    authors: 'Y. Jia and X. Y. Zhou',
    year: 2023,
    title: 'q-Learning in continuous time',
    venue: 'Journal of Machine Learning Research 24(161), 1–61',
  },
  {
    id: 'song2021',
    authors: 'Y. Song, J. Sohl-Dickstein, D. P. Kingma, A. Kumar, S. Ermon and B. Poole',
    year: 2021,
    title: 'Score-based generative modeling through stochastic differential equations',
    venue: 'International Conference on Learning Representations (ICLR)',
  },
  {
    id: 'berner2024',
    authors: 'J. Berner, L. Richter and K. Ullrich',
    year: 2024,
    title: 'An optimal control perspective on diffusion-based generative modeling',
    venue: 'Transactions on Machine Learning Research',
  },
  {
    id: 'tzenraginsky2019',
    authors: 'B. Tzen and M. Raginsky',
    year: 2019,
    title: 'Theoretical guarantees for sampling and inference in generative models with latent diffusions',
    venue: 'Conference on Learning Theory (COLT)',
  },
  {
    id: 'lopezmontero2026',
    authors: 'D. López Montero',
    year: 2026,
    title: 'Hamilton–Jacobi–Bellman equation: reinforcement learning and diffusion models',
    venue: 'Blog post, with code in the continuous-rl/ folder of dani2442/dani2442_code',
    short: 'López Montero',
    note: 'The post this book grows out of; where it is loose or wrong, the book says so.',
  },
  {
    id: 'howard1960',
    authors: 'R. A. Howard',
    year: 1960,
    title: 'Dynamic Programming and Markov Processes',
    venue: 'MIT Press',
    note: 'Policy iteration for Markov decision processes.',
  },
  {
    id: 'puterman1994',
    authors: 'M. L. Puterman',
    year: 1994,
    title: 'Markov Decision Processes: Discrete Stochastic Dynamic Programming',
    venue: 'Wiley',
    note: 'Value and policy iteration, contraction and convergence rates.',
  },
  {
    id: 'suttonbarto2018',
    authors: 'R. S. Sutton and A. G. Barto',
    year: 2018,
    title: 'Reinforcement Learning: An Introduction',
    venue: 'MIT Press, 2nd edition',
    note: 'The gridworld, value iteration and Q-learning as reinforcement learning teaches them.',
  },
  {
    id: 'bertsekas2012',
    authors: 'D. P. Bertsekas',
    year: 2012,
    title: 'Dynamic Programming and Optimal Control',
    venue: 'Athena Scientific, 4th edition',
    note: 'Dynamic programming in discrete and continuous time, and the discrete-time LQR.',
  },
  {
    id: 'andersonmoore1990',
    authors: 'B. D. O. Anderson and J. B. Moore',
    year: 1990,
    title: 'Optimal Control: Linear Quadratic Methods',
    venue: 'Prentice Hall',
    note: 'The linear–quadratic regulator, finite and infinite horizon, and its Riccati equations.',
  },
  {
    id: 'karatzasshreve1991',
    authors: 'I. Karatzas and S. E. Shreve',
    year: 1991,
    title: 'Brownian Motion and Stochastic Calculus',
    venue: 'Springer, 2nd edition',
    note: 'Brownian motion, quadratic variation and Itô calculus, rigorously.',
  },
  {
    id: 'higham2001',
    authors: 'D. J. Higham',
    year: 2001,
    title: 'An algorithmic introduction to numerical simulation of stochastic differential equations',
    venue: 'SIAM Review 43(3), 525–546',
    url: 'https://doi.org/10.1137/S0036144500378302',
    note: 'Euler–Maruyama and Milstein, strong and weak convergence, measured in a few lines of code.',
  },
  {
    id: 'kelly1956',
    authors: 'J. L. Kelly Jr.',
    year: 1956,
    title: 'A new interpretation of information rate',
    venue: 'Bell System Technical Journal 35(4), 917–926',
    url: 'https://doi.org/10.1002/j.1538-7305.1956.tb03809.x',
    note: 'Betting to maximise the growth rate of wealth.',
  },
  {
    id: 'samuelson1969',
    authors: 'P. A. Samuelson',
    year: 1969,
    title: 'Lifetime portfolio selection by dynamic stochastic programming',
    venue: 'The Review of Economics and Statistics 51(3), 239–246',
    url: 'https://doi.org/10.2307/1926559',
    note: 'The discrete-time companion of Merton’s paper.',
  },
  {
    id: 'macleanthorpziemba2011',
    authors: 'L. C. MacLean, E. O. Thorp and W. T. Ziemba (eds.)',
    year: 2011,
    title: 'The Kelly Capital Growth Investment Criterion: Theory and Practice',
    venue: 'World Scientific',
    note: 'Fractional Kelly strategies and the cost of over-betting.',
  },
  {
    id: 'wonham1968',
    authors: 'W. M. Wonham',
    year: 1968,
    title: 'On a matrix Riccati equation of stochastic control',
    venue: 'SIAM Journal on Control 6(4), 681–697',
    url: 'https://doi.org/10.1137/0306044',
    note: 'Linear–quadratic control with state- and control-dependent noise: the generalised Riccati equation.',
  },
  {
    id: 'glasserman2003',
    authors: 'P. Glasserman',
    year: 2003,
    title: 'Monte Carlo Methods in Financial Engineering',
    venue: 'Springer',
    note: 'Variance reduction, common random numbers among them.',
  },
  {
    id: 'paleywienerzygmund1933',
    authors: 'R. E. A. C. Paley, N. Wiener and A. Zygmund',
    year: 1933,
    title: 'Notes on random functions',
    venue: 'Mathematische Zeitschrift 37, 647–668',
    url: 'https://doi.org/10.1007/BF01474606',
    note: 'Brownian paths are almost surely nowhere differentiable.',
  },
  {
    id: 'levy1948',
    authors: 'P. Lévy',
    year: 1948,
    title: 'Processus stochastiques et mouvement brownien',
    venue: 'Gauthier-Villars, Paris',
    note: 'Among much else, the midpoint (Brownian-bridge) construction of Brownian motion.',
  },
  {
    id: 'ito1944',
    authors: 'K. Itô',
    year: 1944,
    title: 'Stochastic integral',
    venue: 'Proceedings of the Imperial Academy 20(8), 519–524',
    url: 'https://doi.org/10.3792/pia/1195572786',
    note: 'The stochastic integral with left-point sums.',
  },
  {
    id: 'milstein1974',
    authors: 'G. N. Mil’shtein',
    year: 1974,
    title: 'Approximate integration of stochastic differential equations',
    venue: 'Theory of Probability and Its Applications 19(3), 557–562 (English translation 1975)',
    url: 'https://doi.org/10.1137/1119062',
    note: 'The scheme of strong order one.',
  },
  {
    id: 'highamnj2002',
    authors: 'N. J. Higham',
    year: 2002,
    title: 'Accuracy and Stability of Numerical Algorithms',
    venue: 'SIAM, 2nd edition',
    note: 'Rounding error analysis of floating-point summation, including compensated summation.',
  },
  {
    id: 'barlessouganidis1991',
    authors: 'G. Barles and P. E. Souganidis',
    year: 1991,
    title: 'Convergence of approximation schemes for fully nonlinear second order equations',
    venue: 'Asymptotic Analysis 4(3), 271–283',
    note: 'Monotone, stable and consistent schemes converge to the viscosity solution.',
  },
  {
    id: 'watkinsdayan1992',
    authors: 'C. J. C. H. Watkins and P. Dayan',
    year: 1992,
    title: 'Q-learning',
    venue: 'Machine Learning 8(3–4), 279–292',
    url: 'https://doi.org/10.1007/BF00992698',
    note: 'Tabular Q-learning and its convergence.',
  },
  {
    id: 'baird1994',
    authors: 'L. C. Baird III',
    year: 1994,
    title: 'Reinforcement learning in continuous time: advantage updating',
    venue: 'Proceedings of the IEEE International Conference on Neural Networks (ICNN’94), 2448–2453',
    short: 'Baird',
    note: 'Learning the advantage divided by the time step, so that it does not vanish as the step shrinks.',
  },
  {
    id: 'tallec2019',
    authors: 'C. Tallec, L. Blier and Y. Ollivier',
    year: 2019,
    title: 'Making deep Q-learning methods robust to time discretization',
    venue: 'Proceedings of the 36th International Conference on Machine Learning (ICML), PMLR 97, 6096–6104',
    note: 'Q-learning collapses to the value function as the time step shrinks; advantage updating with rescaled step sizes does not.',
  },
  {
    id: 'jiazhou2022pg',
    authors: 'Y. Jia and X. Y. Zhou',
    year: 2022,
    title: 'Policy gradient and actor–critic learning in continuous time and space: theory and algorithms',
    venue: 'Journal of Machine Learning Research 23(275), 1–50',
    note: 'Policy gradients from the martingale view; its ergodic linear–quadratic example is the check case of chapter 8.',
  },
  {
    id: 'anderson1982',
    authors: 'B. D. O. Anderson',
    year: 1982,
    title: 'Reverse-time diffusion equation models',
    venue: 'Stochastic Processes and their Applications 12(3), 313–326',
    url: 'https://doi.org/10.1016/0304-4149(82)90051-5',
    note: 'A diffusion run backwards in time is a diffusion whose drift involves the score of its marginals.',
  },
  {
    id: 'hyvarinen2005',
    authors: 'A. Hyvärinen',
    year: 2005,
    title: 'Estimation of non-normalized statistical models by score matching',
    venue: 'Journal of Machine Learning Research 6, 695–709',
  },
  {
    id: 'vincent2011',
    authors: 'P. Vincent',
    year: 2011,
    title: 'A connection between score matching and denoising autoencoders',
    venue: 'Neural Computation 23(7), 1661–1674',
    url: 'https://doi.org/10.1162/NECO_a_00142',
    note: 'Denoising score matching.',
  },
  {
    id: 'efron2011',
    authors: 'B. Efron',
    year: 2011,
    title: 'Tweedie’s formula and selection bias',
    venue: 'Journal of the American Statistical Association 106(496), 1602–1614',
    url: 'https://doi.org/10.1198/jasa.2011.tm11181',
  },
  {
    id: 'gretton2012',
    authors: 'A. Gretton, K. M. Borgwardt, M. J. Rasch, B. Schölkopf and A. Smola',
    year: 2012,
    title: 'A kernel two-sample test',
    venue: 'Journal of Machine Learning Research 13, 723–773',
    note: 'The maximum mean discrepancy and its unbiased estimate.',
  },
  {
    id: 'wangzariphopoulouzhou2020',
    authors: 'H. Wang, T. Zariphopoulou and X. Y. Zhou',
    year: 2020,
    title: 'Reinforcement learning in continuous time and space: a stochastic control approach',
    venue: 'Journal of Machine Learning Research 21(198), 1–34',
    note: 'The entropy-regularised, exploratory formulation of control that Jia and Zhou’s q-learning adopts.',
  },
  {
    id: 'song2021mle',
    authors: 'Y. Song, C. Durkan, I. Murray and S. Ermon',
    year: 2021,
    title: 'Maximum likelihood training of score-based diffusion models',
    venue: 'Advances in Neural Information Processing Systems 34 (NeurIPS 2021)',
    note: 'Score matching weighted by g² bounds the KL divergence from the data to the model, so minimising it maximises a likelihood bound.',
  },
  {
    id: 'huang2021',
    authors: 'C.-W. Huang, J. H. Lim and A. Courville',
    year: 2021,
    title: 'A variational perspective on diffusion-based generative models and score matching',
    venue: 'Advances in Neural Information Processing Systems 34 (NeurIPS 2021)',
    note: 'The same likelihood bound for diffusion models, by a variational (Girsanov) argument.',
  },
  {
    id: 'robbins1956',
    authors: 'H. Robbins',
    year: 1956,
    title: 'An empirical Bayes approach to statistics',
    venue: 'Proceedings of the Third Berkeley Symposium on Mathematical Statistics and Probability, vol. 1, 157–163, University of California Press',
    note: 'The posterior-mean formula now called Tweedie’s, credited there to a personal communication from M. C. K. Tweedie.',
  },
  {
    id: 'russellnorvig2020',
    authors: 'S. Russell and P. Norvig',
    year: 2020,
    title: 'Artificial Intelligence: A Modern Approach',
    venue: '4th edition, Pearson',
    note: 'The slippery gridworld with a goal worth +1, a pit worth −1 and a reward of −0.04 per move, in the chapter on sequential decision problems.',
  },
  {
    id: 'crandalllions1983',
    authors: 'M. G. Crandall and P.-L. Lions',
    year: 1983,
    title: 'Viscosity solutions of Hamilton–Jacobi equations',
    venue: 'Transactions of the American Mathematical Society 277(1), 1–42',
    url: 'https://doi.org/10.1090/S0002-9947-1983-0690039-8',
    note: 'The definition of viscosity solutions by test functions, and their uniqueness.',
  },
  {
    id: 'talaytubaro1990',
    authors: 'D. Talay and L. Tubaro',
    year: 1990,
    title: 'Expansion of the global error for numerical schemes solving stochastic differential equations',
    venue: 'Stochastic Analysis and Applications 8(4), 483–509',
    note: 'The weak error of Euler–Maruyama is C h + O(h²), from its O(h²) local weak error; Richardson extrapolation.',
  },
  {
    id: 'girsanov1960',
    authors: 'I. V. Girsanov',
    year: 1960,
    title: 'On transforming a certain class of stochastic processes by absolutely continuous substitution of measures',
    venue: 'Theory of Probability and Its Applications 5(3), 285–301',
    note: 'A change of measure with density exp(∫v·dW − ½∫|v|²dt) adds the drift v to a Brownian motion.',
  },
  {
    id: 'kolmogorov1931',
    authors: 'A. Kolmogoroff',
    short: 'Kolmogorov',
    year: 1931,
    title: 'Über die analytischen Methoden in der Wahrscheinlichkeitsrechnung',
    venue: 'Mathematische Annalen 104, 415–458',
    note: 'The backward and forward equations of a diffusion.',
  },
  {
    id: 'bouedupuis1998',
    authors: 'M. Boué and P. Dupuis',
    year: 1998,
    title: 'A variational representation for certain functionals of Brownian motion',
    venue: 'Annals of Probability 26(4), 1641–1659',
    url: 'https://doi.org/10.1214/aop/1022855876',
    note: 'The representation −log E e^{−F(W)} = inf over controls u of E[½∫|u|² dt + F(W + ∫u dt)]: the quadratic control cost as relative entropy, with the infimum attained by controls.',
  },
  {
    id: 'chatterjeediaconis2018',
    authors: 'S. Chatterjee and P. Diaconis',
    year: 2018,
    title: 'The sample size required in importance sampling',
    venue: 'Annals of Applied Probability 28(2), 1099–1135',
    url: 'https://doi.org/10.1214/17-AAP1326',
    note: 'Importance sampling from one law to estimate an expectation under another needs about exp(KL) samples.',
  },
  {
    id: 'petersschaal2007',
    authors: 'J. Peters and S. Schaal',
    year: 2007,
    title: 'Reinforcement learning by reward-weighted regression for operational space control',
    venue: 'Proceedings of the 24th International Conference on Machine Learning (ICML), 745–750',
    url: 'https://doi.org/10.1145/1273496.1273590',
    note: 'Reward-weighted regression: fit a policy by least squares on samples weighted by a transformed reward, an EM step for reinforcement learning.',
  },
  {
    id: 'ho2020',
    authors: 'J. Ho, A. Jain and P. Abbeel',
    year: 2020,
    title: 'Denoising diffusion probabilistic models',
    venue: 'Advances in Neural Information Processing Systems 33, 6840–6851',
    note: 'The noise-prediction (ε) loss, a reweighting of the likelihood bound.',
  },
  {
    id: 'fan2023',
    authors: 'Y. Fan, O. Watkins, Y. Du, H. Liu, M. Ryu, C. Boutilier, P. Abbeel, M. Ghavamzadeh, K. Lee and K. Lee',
    year: 2023,
    title: 'DPOK: reinforcement learning for fine-tuning text-to-image diffusion models',
    venue: 'Advances in Neural Information Processing Systems 36',
    url: 'https://arxiv.org/abs/2305.16381',
    note: 'Policy-gradient fine-tuning of a diffusion model towards a reward, with a KL penalty to the pretrained model.',
  },
  {
    id: 'black2024',
    authors: 'K. Black, M. Janner, Y. Du, I. Kostrikov and S. Levine',
    year: 2024,
    title: 'Training diffusion models with reinforcement learning',
    venue: 'International Conference on Learning Representations (ICLR)',
    url: 'https://arxiv.org/abs/2305.13301',
    note: 'DDPO: the denoising steps as a multi-step decision process, fine-tuned by policy gradients.',
  },
  {
    id: 'domingoenrich2025',
    authors: 'C. Domingo-Enrich, M. Drozdzal, B. Karrer and R. T. Q. Chen',
    year: 2025,
    title: 'Adjoint matching: fine-tuning flow and diffusion generative models with memoryless stochastic optimal control',
    venue: 'International Conference on Learning Representations (ICLR)',
    url: 'https://arxiv.org/abs/2409.08861',
    note: 'Reward fine-tuning as stochastic optimal control; the value function bias of a fixed start, removed by a memoryless noise schedule; adjoint matching, a regression for the control.',
  },
  {
    id: 'uehara2024',
    authors: 'M. Uehara, Y. Zhao, K. Black, E. Hajiramezanali, G. Scalia, N. L. Diamant, A. M. Tseng, T. Biancalani and S. Levine',
    year: 2024,
    title: 'Fine-tuning of continuous-time diffusion models as entropy-regularized control',
    venue: 'arXiv preprint 2402.15194',
    url: 'https://arxiv.org/abs/2402.15194',
    note: 'Fine-tuning towards the tilted law as entropy-regularised control, with the start law optimised as well as the drift.',
  },
  {
    id: 'tang2024',
    authors: 'W. Tang',
    year: 2024,
    title: 'Fine-tuning of diffusion models via stochastic control: entropy regularization and beyond',
    venue: 'arXiv preprint 2403.06279',
    url: 'https://arxiv.org/abs/2403.06279',
    note: 'A rigorous treatment of entropy-regularised fine-tuning, with the control and the start law as decision variables, and f-divergence penalties.',
  },
  {
    id: 'chengeorgioupavon2021',
    authors: 'Y. Chen, T. T. Georgiou and M. Pavon',
    year: 2021,
    title: 'Stochastic control liaisons: Richard Sinkhorn meets Gaspard Monge on a Schrödinger bridge',
    venue: 'SIAM Review 63(2), 249–313',
    url: 'https://doi.org/10.1137/20M1339982',
    note: 'The Schrödinger bridge as a stochastic control problem with given start and end laws, and its ties to optimal transport.',
  },
  {
    id: 'leonard2014',
    authors: 'C. Léonard',
    year: 2014,
    title: 'A survey of the Schrödinger problem and some of its connections with optimal transport',
    venue: 'Discrete and Continuous Dynamical Systems A 34(4), 1533–1574',
    url: 'https://doi.org/10.3934/dcds.2014.34.1533',
    note: 'The Schrödinger problem as entropy minimisation over path laws with two fixed marginals.',
  },
  {
    id: 'lasrylions2007',
    authors: 'J.-M. Lasry and P.-L. Lions',
    year: 2007,
    title: 'Mean field games',
    venue: 'Japanese Journal of Mathematics 2(1), 229–260',
    url: 'https://doi.org/10.1007/s11537-007-0657-8',
    note: 'A backward HJB equation for a typical agent coupled to a forward Fokker–Planck equation for the population.',
  },
  {
    id: 'carmonadelarue2018',
    authors: 'R. Carmona and F. Delarue',
    year: 2018,
    title: 'Probabilistic Theory of Mean Field Games with Applications I–II',
    venue: 'Springer',
    url: 'https://doi.org/10.1007/978-3-319-58920-6',
    note: 'Mean-field games and mean-field control through forward–backward stochastic differential equations.',
  },
  {
    id: 'pardouxpeng1990',
    authors: 'É. Pardoux and S. Peng',
    year: 1990,
    title: 'Adapted solution of a backward stochastic differential equation',
    venue: 'Systems & Control Letters 14(1), 55–61',
    url: 'https://doi.org/10.1016/0167-6911(90)90082-6',
    note: 'Existence and uniqueness for nonlinear backward stochastic differential equations.',
  },
  {
    id: 'hanjentzene2018',
    authors: 'J. Han, A. Jentzen and W. E',
    year: 2018,
    title: 'Solving high-dimensional partial differential equations using deep learning',
    venue: 'Proceedings of the National Academy of Sciences 115(34), 8505–8510',
    url: 'https://doi.org/10.1073/pnas.1718942115',
    note: 'The deep BSDE method: the gradient of the solution along simulated paths as a network per time step, fitted to the terminal condition.',
  },
];
