import { render, screen } from '@testing-library/react';
import { Sparkline } from './Sparkline';

/** The vertices of the line recharts drew, from its path's `M`/`L` commands. */
function vertices(container: HTMLElement): number {
  const path = container.querySelector('path.recharts-line-curve');
  return (path?.getAttribute('d')?.match(/[ML]/g) ?? []).length;
}

describe('Sparkline', () => {
  it('draws a vertex per sample and names its range', () => {
    const { container } = render(
      <Sparkline
        series={[
          [1_700_000_000, 12],
          [1_700_000_060, 30],
          [1_700_000_120, 18],
          [1_700_000_180, 24],
        ]}
        label="Request rate in eu-west"
        describe={value => `${value} req/s`}
      />,
    );

    expect(vertices(container)).toBe(4);
    expect(
      screen.getByRole('img', {
        name: 'Request rate in eu-west over the window: 4 samples from 12 req/s to 30 req/s',
      }),
    ).toBeInTheDocument();
    expect(container.querySelector('[tabindex="0"]')).toBeNull();
  });

  it('draws nothing without samples', () => {
    const { container } = render(
      <Sparkline series={[]} label="Errors" describe={String} />,
    );
    expect(container).toBeEmptyDOMElement();
  });
});
