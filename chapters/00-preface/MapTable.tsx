/** The preface's map: a Markov decision process beside a controlled Itô process; rows link to the equations. */
import type { ReactNode } from 'react';
import { LinkedHighlight } from '../../app/components/LinkedHighlight.tsx';

export function MapTable({ children }: { children: ReactNode }) {
  return (
    <LinkedHighlight className="table-scroll map-table-wrap">
      <table className="map-table">
        <caption className="visually-hidden">A Markov decision process and a controlled Itô process, row by row</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Ingredient</span>
            </th>
            <th scope="col">Markov decision process</th>
            <th scope="col">Controlled Itô process</th>
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </LinkedHighlight>
  );
}
