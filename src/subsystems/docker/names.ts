// Container names docker makes up when --name is not given: an adjective and a notable
// scientist or engineer, joined by "_" (moby's namesgenerator; a subset of its lists).

const LEFT = [
  'admiring', 'adoring', 'affectionate', 'agitated', 'amazing', 'angry', 'awesome', 'beautiful', 'blissful', 'bold',
  'brave', 'busy', 'charming', 'clever', 'compassionate', 'competent', 'confident', 'cool', 'cranky', 'dazzling',
  'determined', 'distracted', 'dreamy', 'eager', 'ecstatic', 'elastic', 'elated', 'elegant', 'eloquent', 'epic',
  'exciting', 'fervent', 'festive', 'flamboyant', 'focused', 'friendly', 'frosty', 'funny', 'gallant', 'gifted',
  'goofy', 'gracious', 'great', 'happy', 'hardcore', 'heuristic', 'hopeful', 'hungry', 'infallible', 'inspiring',
  'intelligent', 'interesting', 'jolly', 'jovial', 'keen', 'kind', 'laughing', 'loving', 'lucid', 'magical',
  'modest', 'musing', 'mystifying', 'nervous', 'nice', 'nifty', 'nostalgic', 'objective', 'optimistic', 'peaceful',
  'pedantic', 'pensive', 'practical', 'priceless', 'quirky', 'quizzical', 'recursing', 'relaxed', 'reverent', 'romantic',
  'serene', 'sharp', 'silly', 'sleepy', 'stoic', 'strange', 'suspicious', 'sweet', 'tender', 'thirsty',
  'trusting', 'unruffled', 'upbeat', 'vibrant', 'vigilant', 'vigorous', 'wizardly', 'wonderful', 'youthful', 'zealous', 'zen',
];

const RIGHT = [
  'agnesi', 'albattani', 'allen', 'archimedes', 'babbage', 'banach', 'bardeen', 'bartik', 'bassi', 'bell',
  'bhabha', 'blackwell', 'bohr', 'booth', 'bose', 'brahmagupta', 'brattain', 'burnell', 'cannon', 'carson',
  'cartwright', 'cerf', 'chandrasekhar', 'chatelet', 'clarke', 'colden', 'cori', 'cray', 'curie', 'darwin',
  'davinci', 'diffie', 'dijkstra', 'dirac', 'easley', 'edison', 'einstein', 'elion', 'engelbart', 'euclid',
  'euler', 'faraday', 'fermat', 'fermi', 'feynman', 'franklin', 'galileo', 'goldberg', 'goldwasser', 'goodall',
  'hamilton', 'hawking', 'heisenberg', 'hellman', 'hermann', 'herschel', 'hertz', 'hodgkin', 'hoover', 'hopper',
  'hypatia', 'jackson', 'jennings', 'johnson', 'kalam', 'kepler', 'kilby', 'knuth', 'lamarr', 'lamport',
  'leakey', 'leavitt', 'liskov', 'lovelace', 'lumiere', 'margulis', 'maxwell', 'mayer', 'mccarthy', 'mcclintock',
  'meitner', 'mendel', 'merkle', 'mirzakhani', 'moore', 'morse', 'napier', 'nash', 'neumann', 'newton',
  'nightingale', 'nobel', 'noether', 'noyce', 'pascal', 'pasteur', 'payne', 'perlman', 'pike', 'poincare',
  'ptolemy', 'raman', 'ramanujan', 'ride', 'ritchie', 'roentgen', 'rubin', 'saha', 'sammet', 'shannon',
  'shaw', 'shirley', 'shockley', 'snyder', 'solomon', 'stonebraker', 'sutherland', 'swanson', 'tesla', 'thompson',
  'torvalds', 'turing', 'vaughan', 'villani', 'wilbur', 'wiles', 'williams', 'wilson', 'wing', 'wozniak', 'wright', 'wu', 'yalow', 'yonath',
];

/** A name not in `taken`, from random numbers `pick(n)` in [0, n). */
export function generateName(pick: (n: number) => number, taken: (name: string) => boolean): string {
  for (let i = 0; i < 10; i++) {
    const name = `${LEFT[pick(LEFT.length)]}_${RIGHT[pick(RIGHT.length)]}`;
    if (!taken(name)) return name;
  }
  return `${LEFT[pick(LEFT.length)]}_${RIGHT[pick(RIGHT.length)]}${pick(10)}`;
}
