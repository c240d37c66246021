import { TestApiProvider, renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { regionsApiRef } from '../../api';
import { fakeRegionsApi } from '../../__testUtils__/fakeRegionsApi';
import { RegionPickerField } from './RegionPickerField';

/** The field as the scaffolder's form holds it: the value it last changed to. */
function Form(props: { initial?: string[]; onValue(value: string[]): void }) {
  const [value, setValue] = useState(props.initial);
  return (
    <RegionPickerField
      {...({} as any)}
      formData={value}
      onChange={(next: string[]) => {
        setValue(next);
        props.onValue(next);
      }}
      schema={{ title: 'Regions', type: 'array' }}
      uiSchema={{}}
      rawErrors={[]}
      required
    />
  );
}

describe('RegionPickerField', () => {
  it('lists every region with its role and DR partner, and keeps the chosen ones in order', async () => {
    const onValue = jest.fn();
    await renderInTestApp(
      <TestApiProvider apis={[[regionsApiRef, fakeRegionsApi()]]}>
        <Form onValue={onValue} />
      </TestApiProvider>,
    );

    const primary = await screen.findByRole('checkbox', {
      name: 'Türkiye Central (tr-central) — primary, DR partner EU Central',
    });
    const partner = screen.getByRole('checkbox', {
      name: 'EU Central (eu-central) — DR for Türkiye Central',
    });

    await userEvent.click(primary);
    expect(onValue).toHaveBeenLastCalledWith(['tr-central']);
    expect(
      screen.getByText(
        'Türkiye Central could not fail over: its DR partner EU Central is not chosen.',
      ),
    ).toBeInTheDocument();

    await userEvent.click(partner);
    expect(onValue).toHaveBeenLastCalledWith(['tr-central', 'eu-central']);
    expect(screen.queryByText(/could not fail over/)).not.toBeInTheDocument();

    await userEvent.click(primary);
    expect(onValue).toHaveBeenLastCalledWith(['eu-central']);
  });

  it('says when the regions cannot be read', async () => {
    await renderInTestApp(
      <TestApiProvider
        apis={[
          [
            regionsApiRef,
            fakeRegionsApi({
              getRegionsOverview: jest
                .fn()
                .mockRejectedValue(new Error('backend unavailable')),
            }),
          ],
        ]}
      >
        <Form onValue={jest.fn()} />
      </TestApiProvider>,
    );
    expect(
      await screen.findByText(
        'The regions could not be read: backend unavailable',
      ),
    ).toBeInTheDocument();
  });
});
